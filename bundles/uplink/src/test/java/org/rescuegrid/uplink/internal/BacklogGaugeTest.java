package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.outbox.OutboxRecord;

class BacklogGaugeTest {

    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final Instant OLDEST = NOW.minusSeconds(90);

    private final AtomicInteger counts = new AtomicInteger();
    private final long[] outboxRows = {1000};
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private BacklogGauge gauge() {
        return new BacklogGauge(() -> {
            counts.incrementAndGet();
            return outboxRows[0];
        }, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        });
    }

    @Test
    void partialBatchHasNothingBehind() {
        Backlog backlog = gauge().behind(batch(3), 200);

        assertEquals(0, backlog.rows());
        assertEquals(OLDEST, backlog.oldestCreatedAt());
        assertEquals(90, backlog.oldestAgeSeconds());
        assertEquals(0, counts.get(), "the outbox is not counted");
    }

    @Test
    void fullBatchCountsRowsBehind() {
        Backlog backlog = gauge().behind(batch(200), 200);

        assertEquals(800, backlog.rows());
        assertEquals(1, counts.get());
    }

    @Test
    void countIsReusedWithinInterval() {
        BacklogGauge gauge = gauge();
        gauge.behind(batch(200), 200);
        outboxRows[0] = 800;
        clock = Clock.fixed(NOW.plus(BacklogGauge.COUNT_INTERVAL).minusMillis(1), ZoneOffset.UTC);

        Backlog second = gauge.behind(batch(200), 200);
        clock = Clock.fixed(NOW.plus(BacklogGauge.COUNT_INTERVAL), ZoneOffset.UTC);
        Backlog third = gauge.behind(batch(200), 200);

        assertEquals(800, second.rows(), "the first count minus this batch");
        assertEquals(600, third.rows());
        assertEquals(2, counts.get());
    }

    private static List<OutboxRecord> batch(int size) {
        List<OutboxRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            records.add(new OutboxRecord(i + 1, "id-" + i, "position", OLDEST.plus(Duration.ofMillis(i)), "{}"));
        }
        return records;
    }
}
