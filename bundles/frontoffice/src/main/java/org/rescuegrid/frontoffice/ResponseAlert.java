package org.rescuegrid.frontoffice;

import java.time.Duration;
import java.time.Instant;

/**
 * Raised once per incident when its response clock passes the warning without a vehicle on scene.
 *
 * @param elapsed time since the call was received, when the alert was raised
 */
public record ResponseAlert(String incidentId, IncidentType type, Location location, Instant callReceivedAt, Instant raisedAt,
        Duration elapsed) {
}
