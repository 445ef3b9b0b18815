package org.rescuegrid.api.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Keeps device identity and vehicle assignment in the database. Implemented by the store bundle. */
public interface DeviceStore {

    /** Inserts the device unless it exists; updates its protocol and last contact if it does. */
    void upsert(String deviceId, String protocol, Instant contact);

    /** Sets a device's last contact time. */
    void touch(String deviceId, Instant lastContact);

    /**
     * Sets the last contact time of several devices in one transaction. A device not in the table is skipped.
     * The default sets them one by one; a store backed by a database overrides it.
     */
    default void touchAll(Map<String, Instant> lastContacts) {
        lastContacts.forEach(this::touch);
    }

    /**
     * Inserts devices seen for the first time, with their protocol, vehicle (or null), first seen and last
     * contact times, in one transaction. A device already in the table gets the given protocol, vehicle and
     * last contact. The default registers them one by one; a store backed by a database overrides it.
     */
    default void registerAll(List<KnownDevice> devices) {
        for (KnownDevice device : devices) {
            upsert(device.deviceId(), device.protocol(), device.lastContact());
            if (device.vehicleId() != null) {
                assign(device.deviceId(), device.vehicleId());
            }
        }
    }

    /**
     * Assigns a device to a vehicle, or clears the assignment when {@code vehicleId} is null.
     *
     * @return false when the device is unknown
     */
    boolean assign(String deviceId, String vehicleId);

    List<KnownDevice> all();
}
