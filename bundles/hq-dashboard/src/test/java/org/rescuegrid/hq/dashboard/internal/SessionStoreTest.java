package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rescuegrid.testing.MutableClock;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final SessionStore sessions = new SessionStore(Duration.ofMinutes(30), clock);

    @Test
    void sessionEndsAfterIdleLimit() {
        String token = sessions.open("viewer1", false);
        clock.advance(Duration.ofMinutes(20));
        assertEquals("viewer1", sessions.touch(token).orElseThrow().user());
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.touch(token).isPresent(), "each request extends the session");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(sessions.touch(token).isEmpty());
    }

    @Test
    void tokensAreDistinctAndUnknownOnesAreRefused() {
        String first = sessions.open("a", false);
        String second = sessions.open("a", true);
        assertNotEquals(first, second);
        assertTrue(sessions.touch("forged").isEmpty());
        assertTrue(sessions.touch(null).isEmpty());
        assertTrue(sessions.touch(second).orElseThrow().admin());
    }

    @Test
    void logoutAndSweepRemoveSessions() {
        String token = sessions.open("a", false);
        sessions.open("b", false);
        sessions.close(token);
        assertTrue(sessions.touch(token).isEmpty());
        clock.advance(Duration.ofHours(1));
        sessions.sweep();
        assertEquals(0, sessions.size());
    }
}
