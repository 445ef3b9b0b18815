package org.rescuegrid.driver.onvif;

import java.time.Instant;

/**
 * A snapshot stored in the node's database.
 *
 * @param incidentId the incident it is attached to, or null
 */
public record StoredSnapshot(long snapshotId, String cameraId, Instant takenAt, int sizeBytes, String incidentId) {
}
