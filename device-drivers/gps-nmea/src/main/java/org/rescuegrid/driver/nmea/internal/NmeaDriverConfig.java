package org.rescuegrid.driver.nmea.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "RescueGrid NMEA 0183 TCP listener",
        description = "A TCP port on which GPS trackers or serial-to-IP converters stream NMEA 0183 sentences.")
public @interface NmeaDriverConfig {

    @AttributeDefinition(description = "Address to listen on. 127.0.0.1 accepts local connections only; 0.0.0.0 accepts every interface.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port to listen on, 1-65535.", min = "1", max = "65535")
    int port() default 5010;

    @AttributeDefinition(description = "How a connection is tied to a device: 'port' gives every connection the fixed deviceId;"
            + " 'registration' waits for a line starting with registrationPrefix that carries the device id.",
            options = {@Option(value = "port", label = "Fixed device id per port"),
                    @Option(value = "registration", label = "Registration line on connect")})
    String identification() default "registration";

    @AttributeDefinition(description = "Device id of every connection when identification is 'port'.", required = false)
    String deviceId() default "";

    @AttributeDefinition(description = "Start of the line that identifies the device when identification is 'registration';"
            + " the id is the rest of the line up to '*' or its end.")
    String registrationPrefix() default "$RGREG,";

    @AttributeDefinition(description = "Longest line accepted, in bytes, 82-65536. NMEA 0183 sentences are at most 82 characters;"
            + " the margin admits proprietary sentences.", min = "82", max = "65536")
    int maxFrameLength() default 512;

    @AttributeDefinition(description = "Seconds without data after which a connection is closed, 5-86400.", min = "5", max = "86400")
    int idleTimeoutSeconds() default 120;
}
