package org.rescuegrid.driver.teltonika.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid Teltonika listener",
        description = "A TCP port, and optionally a UDP port, on which Teltonika trackers send AVL data in Codec 8 or Codec 8 Extended.")
public @interface TeltonikaDriverConfig {

    @AttributeDefinition(description = "Address to listen on. 127.0.0.1 accepts local connections only; 0.0.0.0 accepts every interface.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port to listen on, 1-65535.", min = "1", max = "65535")
    int port() default 5027;

    @AttributeDefinition(description = "UDP port on which trackers send AVL datagrams, 1-65535, or 0 for no UDP listener."
            + " It may equal the TCP port.", min = "0", max = "65535")
    int udpPort() default 0;

    @AttributeDefinition(description = "Longest AVL packet or datagram accepted, in bytes, 64-1048576. Trackers send at most 1280 bytes"
            + " of AVL data per packet by default (FMB series); a packet of 50 records with many IO elements can exceed it.",
            min = "64", max = "1048576")
    int maxFrameLength() default 8192;

    @AttributeDefinition(description = "Seconds without data after which a connection is closed, 30-86400.", min = "30", max = "86400")
    int idleTimeoutSeconds() default 600;
}
