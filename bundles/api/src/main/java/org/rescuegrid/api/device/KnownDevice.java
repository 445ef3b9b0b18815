package org.rescuegrid.api.device;

import java.time.Instant;

/**
 * A device as the database keeps it across restarts.
 *
 * @param deviceId device id
 * @param protocol driver protocol
 * @param vehicleId assigned vehicle, or null
 * @param firstSeen first contact
 * @param lastContact last contact written to the database; it lags the live value by up to a minute
 */
public record KnownDevice(String deviceId, String protocol, String vehicleId, Instant firstSeen, Instant lastContact) {
}
