package org.rescuegrid.driver.osmand.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid OsmAnd HTTP endpoint",
        description = "A path on the node's HTTP server to which phone tracking apps (OsmAnd, Traccar Client) send locations.")
public @interface OsmandDriverConfig {

    @AttributeDefinition(description = "Path of the endpoint on the node's HTTP server (host and port in org.rescuegrid.bus.cfg),"
            + " starting with '/', for example /osmand. Apps are given http://HOST:PORT/PATH as their server URL.")
    String path() default "/osmand";

    @AttributeDefinition(description = "Largest request body accepted, in bytes, 256-1048576; a larger body is answered with 413.",
            min = "256", max = "1048576")
    int maxBodyBytes() default 65536;
}
