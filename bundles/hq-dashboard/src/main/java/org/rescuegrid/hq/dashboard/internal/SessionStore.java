package org.rescuegrid.hq.dashboard.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in dashboard users by an unguessable session token. Sessions live in memory: a restart of the
 * HQ node logs everyone out, which is acceptable for a monitoring screen and keeps no secret on disk.
 */
class SessionStore {

    /** One logged-in user; admin is true when the user has HQ's admin role. */
    record Session(String user, boolean admin, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleLimit;
    private final Clock clock;

    SessionStore(Duration idleLimit, Clock clock) {
        this.idleLimit = idleLimit;
        this.clock = clock;
    }

    /** Starts a session and returns its token. */
    String open(String user, boolean admin) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(user, admin, clock.instant().plus(idleLimit)));
        return token;
    }

    /** Returns the live session of a token and extends it; expired sessions are dropped. */
    Optional<Session> touch(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = sessions.computeIfPresent(token,
                (key, current) -> current.expires().isAfter(now) ? new Session(current.user(), current.admin(), now.plus(idleLimit)) : null);
        return Optional.ofNullable(session);
    }

    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Drops the expired sessions; called on every login so the map cannot grow without bound. */
    void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expires().isAfter(now));
    }

    int size() {
        return sessions.size();
    }

    static boolean mayView(Set<String> roles, DashboardSettings settings) {
        return roles.contains(settings.viewerRole()) || roles.contains(settings.adminRole());
    }
}
