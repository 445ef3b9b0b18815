package org.rescuegrid.devices.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "RescueGrid device registry", description = "Which device is on which vehicle.")
public @interface DevicesConfig {

    @AttributeDefinition(description = "Vehicle assignments as DEVICE_ID=VEHICLE_ID, for example TRK-LHR-01=AMB-LHR-101."
            + " Applied at start and when a listed device first connects.")
    String[] assignments() default {};
}
