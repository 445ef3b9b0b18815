package org.rescuegrid.driver.osmand.internal.decoder;

import java.time.Instant;

import org.rescuegrid.api.position.PositionFix;

/**
 * One location report of a phone or tracker.
 *
 * @param deviceId the {@code id} or {@code deviceid} parameter, or {@code device_id} of a JSON body
 * @param time when the location was measured, or when the request arrived if it carried no timestamp
 * @param fix the position, or null when the report carries none (an alarm without a location)
 * @param alarm the {@code alarm} parameter as sent, or null
 * @param ignition the {@code ignition} parameter, or null when absent
 */
public record OsmandReport(String deviceId, Instant time, PositionFix fix, String alarm, Boolean ignition) {
}
