package org.rescuegrid.frontoffice;

import java.util.Optional;

/**
 * Tells the front office which vehicles are out of service, for example after a failed start-of-shift
 * readiness check. The front office leaves such a vehicle out of its recommendations and refuses to
 * dispatch it. Registered as an OSGi service by the bundle that decides it (the back office); without
 * one, every vehicle is in service. Called on every recommendation, so it must return from memory without I/O.
 */
public interface VehicleReadiness {

    /** Returns why the vehicle is out of service, or empty when it may be dispatched. */
    Optional<String> outOfService(String vehicleId);
}
