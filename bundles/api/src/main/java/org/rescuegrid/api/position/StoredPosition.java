package org.rescuegrid.api.position;

import java.time.Instant;
import java.util.Objects;

/**
 * A position fix as the node stored it, with the vehicle the device was on at the time.
 *
 * @param eventId id that follows the record to HQ, where it deduplicates redeliveries
 * @param vehicleId vehicle carrying the device, or null when the device is not assigned
 * @param fix the decoded fix
 * @param receivedAt when the node received the fix
 * @param validity the store's assessment of the fix; only a {@linkplain FixValidity#usable() usable} one
 *        may become the vehicle's latest position or feed arrival detection and distance
 */
public record StoredPosition(String eventId, String vehicleId, PositionFix fix, Instant receivedAt, FixValidity validity) {

    public StoredPosition {
        Objects.requireNonNull(validity, "validity");
    }

    /** Creates a record of a fix the store found {@link FixValidity#VALID}, for code written before fixes were assessed. */
    public StoredPosition(String eventId, String vehicleId, PositionFix fix, Instant receivedAt) {
        this(eventId, vehicleId, fix, receivedAt, FixValidity.VALID);
    }
}
