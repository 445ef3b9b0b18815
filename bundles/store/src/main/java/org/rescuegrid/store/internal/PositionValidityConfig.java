package org.rescuegrid.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The attributes are text, so that a value that is not a number reaches {@link PositionValiditySettings}
 * and is rejected there with its key, instead of failing the component before its code runs.
 */
@ObjectClassDefinition(name = "RescueGrid position validity",
        description = "Limits by which the store flags a position fix as implausible. Flagged fixes are stored and sent to HQ,"
                + " but never become a vehicle's latest position.")
public @interface PositionValidityConfig {

    @AttributeDefinition(description = "Seconds a fix time may be ahead of the node clock before the fix is flagged FUTURE, 1-86400.")
    String futureToleranceSeconds() default "300";

    @AttributeDefinition(description = "Highest speed in km/h implied by two fixes of one device before the later one is flagged"
            + " IMPOSSIBLE_JUMP, 50-2000.")
    String maxSpeedKmh() default "300";
}
