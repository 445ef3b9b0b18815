package org.rescuegrid.api.uplink;

import java.time.Instant;

/**
 * State of the upload to HQ.
 *
 * @param backlog records waiting in the outbox
 * @param sent records HQ confirmed since the node started
 * @param lastSuccess last confirmed batch, or null
 * @param lastError last failure with its reason, or null
 * @param lastErrorAt time of the last failure, or null
 * @param nextAttempt when the next attempt runs while backing off, or null
 */
public record UplinkStatus(long backlog, long sent, Instant lastSuccess, String lastError, Instant lastErrorAt, Instant nextAttempt) {
}
