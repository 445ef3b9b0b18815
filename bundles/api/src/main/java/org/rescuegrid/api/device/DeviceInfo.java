package org.rescuegrid.api.device;

import java.time.Instant;
import java.util.Map;

/**
 * What the node knows about one device: identity, assignment and health counters since it was first seen.
 *
 * @param deviceId id the device identifies itself with, or that its listening port assigns
 * @param protocol driver protocol, for example {@code nmea}
 * @param vehicleId vehicle carrying the device, or null
 * @param firstSeen first contact, or null if never seen
 * @param lastContact last frame received, or null if never seen
 * @param connected whether a connection from the device is open now
 * @param fixesReceived position fixes decoded from the device since the node started
 * @param errors dropped frames by kind since the node started
 */
public record DeviceInfo(
        String deviceId,
        String protocol,
        String vehicleId,
        Instant firstSeen,
        Instant lastContact,
        boolean connected,
        long fixesReceived,
        Map<DeviceErrorKind, Long> errors) {

    public DeviceInfo {
        errors = Map.copyOf(errors);
    }

    /** Returns the sum of all error counters. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
