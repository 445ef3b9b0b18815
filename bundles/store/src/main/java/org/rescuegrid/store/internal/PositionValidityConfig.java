package org.rescuegrid.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid position validity",
        description = "Limits by which the store flags a position fix as implausible. Flagged fixes are stored and sent to HQ,"
                + " but never become a vehicle's latest position.")
public @interface PositionValidityConfig {

    @AttributeDefinition(description = "Seconds a fix time may be ahead of the node clock before the fix is flagged FUTURE, 1-86400.",
            min = "1", max = "86400")
    int futureToleranceSeconds() default 300;

    @AttributeDefinition(description = "Highest speed in km/h implied by two fixes of one device before the later one is flagged"
            + " IMPOSSIBLE_JUMP, 50-2000.", min = "50", max = "2000")
    int maxSpeedKmh() default 300;
}
