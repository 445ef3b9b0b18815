package org.rescuegrid.devices.internal;

import java.util.Map;

/** Vehicle of each device as configured, applied by the registry when a listed device is known. */
interface VehicleAssignments {

    /** Returns vehicle id by device id. */
    Map<String, String> byDevice();
}
