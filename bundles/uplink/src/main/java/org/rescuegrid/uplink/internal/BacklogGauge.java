package org.rescuegrid.uplink.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import org.rescuegrid.api.outbox.OutboxRecord;

/**
 * Measures the backlog each batch reports. A batch smaller than the batch size is the whole outbox, so nothing
 * waits behind it and no query runs. Behind a full batch the outbox is counted, at most once per
 * {@link #COUNT_INTERVAL}, because counting a long backlog for every batch would slow down draining it.
 */
final class BacklogGauge {

    static final Duration COUNT_INTERVAL = Duration.ofSeconds(5);

    private final LongSupplier outboxCount;
    private final Clock clock;
    private long countedRows = -1;
    private Instant countedAt;

    BacklogGauge(LongSupplier outboxCount, Clock clock) {
        this.outboxCount = outboxCount;
        this.clock = clock;
    }

    /** Returns the backlog behind a batch just read from the outbox; the batch must not be empty. */
    synchronized Backlog behind(List<OutboxRecord> batch, int batchSize) {
        Instant now = clock.instant();
        Instant oldest = batch.get(0).createdAt();
        long age = Math.max(0, Duration.between(oldest, now).toSeconds());
        if (batch.size() < batchSize) {
            countedRows = batch.size();
            countedAt = now;
            return new Backlog(0, oldest, age);
        }
        if (countedAt == null || Duration.between(countedAt, now).compareTo(COUNT_INTERVAL) >= 0) {
            countedRows = outboxCount.getAsLong();
            countedAt = now;
        }
        return new Backlog(Math.max(0, countedRows - batch.size()), oldest, age);
    }
}
