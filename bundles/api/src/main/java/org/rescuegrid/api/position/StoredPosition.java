package org.rescuegrid.api.position;

import java.time.Instant;

/**
 * A position fix as the node stored it, with the vehicle the device was on at the time.
 *
 * @param eventId id that follows the record to HQ, where it deduplicates redeliveries
 * @param vehicleId vehicle carrying the device, or null when the device is not assigned
 * @param fix the decoded fix
 * @param receivedAt when the node received the fix
 */
public record StoredPosition(String eventId, String vehicleId, PositionFix fix, Instant receivedAt) {
}
