package org.rescuegrid.api.event;

import java.time.Instant;

/**
 * A device event as the node stored it.
 *
 * @param eventId id that follows the record to HQ
 * @param vehicleId vehicle carrying the device at the time, or null
 * @param event the event
 * @param receivedAt when the node received it
 */
public record StoredDeviceEvent(String eventId, String vehicleId, DeviceEvent event, Instant receivedAt) {
}
