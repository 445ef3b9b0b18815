package org.rescuegrid.frontoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Detects that a vehicle entered or left a zone and stayed there for a dwell time, from its fixes in
 * time order. Entering starts at the first fix within {@code radius} and continues while the fixes stay within
 * {@code holdRadius}, so GPS drift around a parked vehicle does not restart it. Leaving starts at the first
 * fix beyond {@code radius} and is cancelled by a fix within it. The detected time is that first fix's.
 */
final class ZoneWatch {

    private final boolean entering;
    private final double radius;
    private final double holdRadius;
    private final Duration dwell;
    private Instant candidate;

    private ZoneWatch(boolean entering, double radius, double holdRadius, Duration dwell) {
        this.entering = entering;
        this.radius = radius;
        this.holdRadius = holdRadius;
        this.dwell = dwell;
    }

    static ZoneWatch entering(double radiusMeters, double holdRadiusMeters, Duration dwell) {
        return new ZoneWatch(true, radiusMeters, holdRadiusMeters, dwell);
    }

    static ZoneWatch leaving(double radiusMeters, Duration dwell) {
        return new ZoneWatch(false, radiusMeters, radiusMeters, dwell);
    }

    /** Feeds one fix's distance from the zone's centre and returns the time of the change once it is confirmed. */
    Optional<Instant> update(double distanceMeters, Instant fixTime) {
        if (entering) {
            if (candidate == null && distanceMeters <= radius) {
                candidate = fixTime;
            } else if (candidate != null && distanceMeters > holdRadius) {
                candidate = null;
            }
        } else {
            if (candidate == null && distanceMeters > radius) {
                candidate = fixTime;
            } else if (candidate != null && distanceMeters <= radius) {
                candidate = null;
            }
        }
        if (candidate != null && Duration.between(candidate, fixTime).compareTo(dwell) >= 0) {
            return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
