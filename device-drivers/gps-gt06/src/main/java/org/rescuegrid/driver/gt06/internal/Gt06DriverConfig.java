package org.rescuegrid.driver.gt06.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid GT06 TCP listener",
        description = "A TCP port on which GT06 / Concox GPS trackers send their binary protocol.")
public @interface Gt06DriverConfig {

    @AttributeDefinition(description = "Address to listen on. 127.0.0.1 accepts local connections only; 0.0.0.0 accepts every interface.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port to listen on, 1-65535.", min = "1", max = "65535")
    int port() default 5023;

    @AttributeDefinition(description = "Longest frame accepted, in bytes, 64-65540. Login, location, status and alarm frames are under"
            + " 50 bytes; the margin admits the long (79 79) information frames.", min = "64", max = "65540")
    int maxFrameLength() default 1024;

    @AttributeDefinition(description = "Seconds without data after which a connection is closed, 30-86400. GT06 trackers send a"
            + " status packet every 3 minutes by default.", min = "30", max = "86400")
    int idleTimeoutSeconds() default 600;

    @AttributeDefinition(description = "Whether location packets (0x12, 0x22) are acknowledged. The protocol document asks for no"
            + " reply to them; some firmware resends its buffered positions until it gets one.")
    boolean acknowledgeLocation() default false;
}
