package org.rescuegrid.api.outbox;

import java.time.Instant;

/**
 * One record waiting to be uploaded to HQ.
 *
 * @param sequence position in the outbox; records leave in this order
 * @param eventId id HQ deduplicates by
 * @param recordType kind of record, for example {@code position}
 * @param createdAt when the record was stored
 * @param payload the record as JSON
 */
public record OutboxRecord(long sequence, String eventId, String recordType, Instant createdAt, String payload) {
}
