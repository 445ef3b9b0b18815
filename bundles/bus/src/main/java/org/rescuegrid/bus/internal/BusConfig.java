package org.rescuegrid.bus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The numeric attributes are text, so that a value that is not a number reaches {@link BusSettings} and
 * is rejected there with its key, instead of failing the node's CamelContext before its code runs.
 */
@ObjectClassDefinition(name = "RescueGrid platform bus", description = "The node's CamelContext and its HTTP server.")
public @interface BusConfig {

    @AttributeDefinition(description = "Address the node's HTTP server (HQ receiver, REST) binds to. Use 0.0.0.0 to accept other hosts.")
    String httpHost() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the node's HTTP server, 1-65535.")
    String httpPort() default "8123";

    @AttributeDefinition(description = "Largest HTTP request body accepted, in bytes, 65536-268435456. Larger requests get 413."
            + " An HQ batch of 5000 positions is about 3 MB.")
    String httpMaxBodyBytes() default "8388608";
}
