package org.rescuegrid.api.position;

import java.util.List;
import java.util.Optional;

/** Stores position fixes and queries them. Implemented by the store bundle. */
public interface PositionStore {

    /**
     * Assesses a fix, stores it with its {@link FixValidity} and queues it for HQ in one transaction. A
     * fix with the device id and fix time of a stored one is a device's resend: nothing is written, and
     * the stored record is returned. A fix whose date the store corrected for the GPS week rollover is
     * stored, and returned, with the corrected fix time.
     *
     * @return the stored record with its event id
     * @throws IllegalStateException when the database rejects the write; nothing is stored then
     */
    StoredPosition store(PositionFix fix);

    /**
     * Returns the newest usable fix (by fix time) of a vehicle, or of a device when no vehicle has that
     * id. Fixes with a validity that is not {@linkplain FixValidity#usable() usable} are never returned.
     */
    Optional<StoredPosition> latest(String vehicleOrDeviceId);

    /** Returns the newest usable fix of every device, newest first. */
    List<StoredPosition> latestOfAll();

    /**
     * Returns the fix of each device that the node received last, whatever its validity, newest
     * first, so that a console can show a device whose latest reports are being flagged.
     */
    List<StoredPosition> lastReceivedOfAll();

    /** Returns the number of positions stored for a device. */
    long countForDevice(String deviceId);
}
