package org.rescuegrid.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Counters the simulated trackers update from their event loops and the harness reads every report interval. */
final class LoadStats {

    final LongAdder sent = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder unexpectedAcknowledgements = new LongAdder();
    final LongAdder lostUnacknowledged = new LongAdder();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final LongAdder closedAfterAccept = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failures = new LongAdder();
    final AtomicReference<String> lastFailure = new AtomicReference<>("none");
    /** System.nanoTime() of the first send and of the latest acknowledgement, 0 before either happened. */
    final AtomicLong firstSendNanos = new AtomicLong();
    final AtomicLong lastAcknowledgementNanos = new AtomicLong();
    final LatencyHistogram interval = new LatencyHistogram();
    final LatencyHistogram total = new LatencyHistogram();

    void connectionOpened() {
        open.incrementAndGet();
    }

    void trackerAccepted() {
        accepted.incrementAndGet();
    }

    void handshakeRejected() {
        rejected.increment();
    }

    void sent() {
        if (firstSendNanos.get() == 0) {
            firstSendNanos.compareAndSet(0, System.nanoTime());
        }
        sent.increment();
    }

    void sendSkipped() {
        skipped.increment();
    }

    void acknowledged(long latencyNanos) {
        acknowledged.increment();
        lastAcknowledgementNanos.set(System.nanoTime());
        interval.record(latencyNanos);
    }

    void unexpectedAcknowledgement() {
        unexpectedAcknowledgements.increment();
    }

    void connectionClosed(boolean wasAccepted, int unacknowledged) {
        open.decrementAndGet();
        if (wasAccepted) {
            accepted.decrementAndGet();
            closedAfterAccept.increment();
        }
        lostUnacknowledged.add(unacknowledged);
    }

    void connectionFailed(Throwable cause) {
        failures.increment();
        lastFailure.set(cause.toString());
    }
}
