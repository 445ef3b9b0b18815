package org.rescuegrid.api.position;

import java.util.List;
import java.util.Optional;

/** Stores position fixes and queries them. Implemented by the store bundle. */
public interface PositionStore {

    /**
     * Stores a fix and queues it for HQ in one transaction. A fix with the device id and fix time of a
     * stored one is a device's resend: nothing is written, and the stored record is returned.
     *
     * @return the stored record with its event id
     * @throws IllegalStateException when the database rejects the write; nothing is stored then
     */
    StoredPosition store(PositionFix fix);

    /** Returns the latest valid fix of a vehicle, or of a device when no vehicle has that id. */
    Optional<StoredPosition> latest(String vehicleOrDeviceId);

    /** Returns the latest fix of every vehicle or unassigned device, newest first. */
    List<StoredPosition> latestOfAll();

    /** Returns the number of positions stored for a device. */
    long countForDevice(String deviceId);
}
