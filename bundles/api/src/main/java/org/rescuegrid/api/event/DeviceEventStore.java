package org.rescuegrid.api.event;

import java.util.List;

/** Stores device events and queries them. Implemented by the store bundle. */
public interface DeviceEventStore {

    /**
     * Stores an event and queues it for HQ in one transaction. An event with the device id, type and time
     * of a stored one is a device's resend: nothing is written, and the stored record is returned.
     *
     * @throws IllegalStateException when the database rejects the write; nothing is stored then
     */
    StoredDeviceEvent store(DeviceEvent event);

    /**
     * Returns the newest events, newest first.
     *
     * @param deviceOrVehicleId only events of this device or vehicle, or null for all
     * @param typePrefix only types starting with this text, such as {@code radio.}, or null for all
     * @param limit maximum number of events, 1-10000
     */
    List<StoredDeviceEvent> recent(String deviceOrVehicleId, String typePrefix, int limit);
}
