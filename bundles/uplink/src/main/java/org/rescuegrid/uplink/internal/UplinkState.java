package org.rescuegrid.uplink.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress and failures of the upload, and the backoff that follows a failure: the wait doubles from one
 * second up to the configured maximum and resets on the first confirmed batch.
 */
final class UplinkState {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration maxBackoff;
    private final UplinkHistory history;
    private Instant lastSuccess;
    private String lastError;
    private Instant lastErrorAt;
    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt;
    private int consecutiveFailures;

    UplinkState(Clock clock, Duration maxBackoff) {
        this(clock, maxBackoff, new UplinkHistory());
    }

    /** Creates the state of one uplink activation, which adds its confirmed records to the bundle's {@code history}. */
    UplinkState(Clock clock, Duration maxBackoff, UplinkHistory history) {
        this.clock = clock;
        this.maxBackoff = maxBackoff;
        this.history = history;
    }

    synchronized boolean mayAttempt() {
        return nextAttempt == null || !clock.instant().isBefore(nextAttempt);
    }

    /** Records a confirmed batch and returns how many failed attempts preceded it. */
    synchronized int succeeded(int confirmed) {
        int failuresBefore = consecutiveFailures;
        history.addConfirmed(confirmed);
        lastSuccess = clock.instant();
        backoff = Duration.ZERO;
        nextAttempt = null;
        consecutiveFailures = 0;
        return failuresBefore;
    }

    /** Records a failed attempt and returns the wait before the next one. */
    synchronized Duration failed(String reason) {
        lastError = reason;
        lastErrorAt = clock.instant();
        consecutiveFailures++;
        backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), maxBackoff);
        nextAttempt = lastErrorAt.plus(backoff);
        return backoff;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Returns the number of records confirmed since the bundle started, across configuration changes. */
    long sent() {
        return history.confirmed();
    }

    synchronized Instant lastSuccess() {
        return lastSuccess;
    }

    synchronized String lastError() {
        return lastError;
    }

    synchronized Instant lastErrorAt() {
        return lastErrorAt;
    }

    synchronized Instant nextAttempt() {
        return nextAttempt;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
