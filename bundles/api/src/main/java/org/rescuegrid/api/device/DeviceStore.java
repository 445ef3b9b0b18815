package org.rescuegrid.api.device;

import java.time.Instant;
import java.util.List;

/** Keeps device identity and vehicle assignment in the database. Implemented by the store bundle. */
public interface DeviceStore {

    /** Inserts the device unless it exists; updates its protocol and last contact if it does. */
    void upsert(String deviceId, String protocol, Instant contact);

    /** Sets a device's last contact time. */
    void touch(String deviceId, Instant lastContact);

    /**
     * Assigns a device to a vehicle, or clears the assignment when {@code vehicleId} is null.
     *
     * @return false when the device is unknown
     */
    boolean assign(String deviceId, String vehicleId);

    List<KnownDevice> all();
}
