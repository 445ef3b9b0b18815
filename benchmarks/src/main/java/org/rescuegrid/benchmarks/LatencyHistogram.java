package org.rescuegrid.benchmarks;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts latencies in buckets of 0.1 ms up to 60 s; longer ones land in the last bucket. Percentiles are
 * therefore exact to 0.1 ms. Safe for concurrent recording from the harness's event loop threads.
 */
final class LatencyHistogram {

    private static final long BUCKET_NANOS = 100_000;
    private static final int BUCKETS = 600_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, nanos / BUCKET_NANOS));
        counts.incrementAndGet(bucket);
    }

    /** Returns the given percentile (0-100) in milliseconds, or NaN when nothing was recorded. */
    double percentileMillis(double percentile) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }

    /** Moves every count into {@code total} and clears this histogram, for the per-interval figures. */
    void drainInto(LatencyHistogram total) {
        for (int i = 0; i < BUCKETS; i++) {
            long count = counts.getAndSet(i, 0);
            if (count > 0) {
                total.counts.addAndGet(i, count);
            }
        }
    }
}
