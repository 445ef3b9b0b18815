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
 * @param rejected records HQ rejected for their content, kept aside out of the outbox; -1 when unknown
 * @param transport how records travel to HQ, {@code http} or {@code kafka}
 */
public record UplinkStatus(long backlog, long sent, Instant lastSuccess, String lastError, Instant lastErrorAt, Instant nextAttempt,
        long rejected, String transport) {

    /** Creates a status of the HTTP transport without a count of rejected records, as version 1.0 of this package did. */
    public UplinkStatus(long backlog, long sent, Instant lastSuccess, String lastError, Instant lastErrorAt, Instant nextAttempt) {
        this(backlog, sent, lastSuccess, lastError, lastErrorAt, nextAttempt, -1, "http");
    }
}
