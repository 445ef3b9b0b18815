package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.testing.MutableClock;

class UplinkStateTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");

    private final MutableClock clock = new MutableClock(T0);

    private static List<Long> waitsAfterFailures(UplinkState state, int failures) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            waits.add(state.failed("HttpHostConnectException: Connection refused").toSeconds());
        }
        return waits;
    }

    @Test
    void freshStateMayAttempt() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(60));

        assertTrue(state.mayAttempt());
        assertNull(state.nextAttempt());
        assertEquals(0, state.consecutiveFailures());
        assertEquals(0, state.sent());
    }

    @Test
    void backoffDoublesUpToMax() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(60));

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L), waitsAfterFailures(state, 8));
        assertEquals(8, state.consecutiveFailures());
    }

    @Test
    void backoffCappedBetweenDoublings() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(5));

        assertEquals(List.of(1L, 2L, 4L, 5L, 5L), waitsAfterFailures(state, 5));
    }

    @Test
    void backoffWithOneSecondMax() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(1));

        assertEquals(List.of(1L, 1L, 1L), waitsAfterFailures(state, 3));
    }

    @Test
    void failureRecordsReasonAndTime() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(3));

        state.failed("HttpOperationFailedException: 503");

        assertEquals("HttpOperationFailedException: 503", state.lastError());
        assertEquals(T0.plusSeconds(3), state.lastErrorAt());
        assertEquals(T0.plusSeconds(4), state.nextAttempt());
    }

    @Test
    void mayAttemptWaitsForNextAttempt() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(60));
        state.failed("timeout");
        state.failed("timeout");

        assertFalse(state.mayAttempt());
        clock.advance(Duration.ofMillis(1999));
        assertFalse(state.mayAttempt());
        clock.advance(Duration.ofMillis(1));
        assertTrue(state.mayAttempt(), "an attempt is due exactly at nextAttempt");
    }

    @Test
    void successResetsBackoff() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(60));
        waitsAfterFailures(state, 3);
        clock.advance(Duration.ofSeconds(4));

        int failuresBefore = state.succeeded(5);

        assertEquals(3, failuresBefore);
        assertEquals(0, state.consecutiveFailures());
        assertNull(state.nextAttempt());
        assertTrue(state.mayAttempt());
        assertEquals(T0.plusSeconds(4), state.lastSuccess());
        assertEquals(Duration.ofSeconds(1), state.failed("timeout"), "the first failure after a success waits 1 s again");
    }

    @Test
    void successKeepsLastError() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(60));
        state.failed("timeout");

        state.succeeded(1);

        assertEquals("timeout", state.lastError());
        assertEquals(T0, state.lastErrorAt());
    }

    @Test
    void sentAccumulates() {
        UplinkState state = new UplinkState(clock, Duration.ofSeconds(60));

        state.succeeded(3);
        int failuresBefore = state.succeeded(4);

        assertEquals(7, state.sent());
        assertEquals(0, failuresBefore);
    }

    @Test
    void sentCountedInSharedHistory() {
        UplinkHistory history = new UplinkHistory();
        new UplinkState(clock, Duration.ofSeconds(60), history).succeeded(3);

        UplinkState next = new UplinkState(clock, Duration.ofSeconds(30), history);
        next.succeeded(2);

        assertEquals(5, next.sent());
    }
}
