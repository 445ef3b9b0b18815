package org.rescuegrid.bus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid platform bus", description = "The node's CamelContext and its HTTP server.")
public @interface BusConfig {

    @AttributeDefinition(description = "Address the node's HTTP server (HQ receiver, REST) binds to. Use 0.0.0.0 to accept other hosts.")
    String httpHost() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the node's HTTP server, 1-65535.", min = "1", max = "65535")
    int httpPort() default 8123;

    @AttributeDefinition(description = "Largest HTTP request body accepted, in bytes, 65536-268435456. Larger requests get 413."
            + " An HQ batch of 5000 positions is about 3 MB.", min = "65536", max = "268435456")
    long httpMaxBodyBytes() default 8L * 1024 * 1024;
}
