package org.rescuegrid.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.rescuegrid.api.position.FixValidity;
import org.rescuegrid.api.position.PositionFix;

/**
 * Assesses a fix against the node clock and the device's stored fixes, and gives it its
 * {@link FixValidity}. Stateless and thread-safe: the device's history comes from a {@link DeviceTrack}.
 */
final class FixAssessor {

    /** One GPS week-number era: the 10-bit week counter of the legacy navigation message wraps after 1024 weeks. */
    static final Duration GPS_WEEK_ERA = Duration.ofDays(7 * 1024);

    /**
     * How far behind the node clock a rollover-corrected fix may be. A fix that lands further back after
     * the correction is not taken as a rollover fault, so a receiver that reports a wrong date for
     * another reason (a cold start in 1980) is not moved to an arbitrary date.
     */
    static final Duration ROLLOVER_WINDOW = Duration.ofDays(30);

    /**
     * How far ahead of the node clock a rollover-corrected fix may be. It is wider than the future
     * tolerance so that such a fix is corrected and then flagged {@link FixValidity#FUTURE}, rather than
     * kept with a date two decades old.
     */
    static final Duration ROLLOVER_WINDOW_AHEAD = Duration.ofDays(1);

    /** Maximum number of eras a date is moved forward, enough to bring a 1980 date up to 2039. */
    private static final int MAX_ERAS = 3;

    /**
     * Jumps shorter than this are never flagged, because receiver noise of tens of metres between fixes
     * one second apart implies speeds above any limit.
     */
    static final double MIN_JUMP_METERS = 500;

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private final PositionValiditySettings settings;

    FixAssessor(PositionValiditySettings settings) {
        this.settings = settings;
    }

    /** The stored fixes of one device that the assessment compares a new fix with. */
    interface DeviceTrack {

        /** Returns the device's newest usable fix with a fix time before {@code time}. */
        Optional<Previous> usableBefore(Instant time);

        /** Returns the device's newest fix of any validity with a fix time before {@code time}. */
        Optional<Previous> anyBefore(Instant time);

        /** Returns whether the device has a usable fix with a fix time after {@code time}. */
        boolean usableAfter(Instant time);
    }

    /** A stored fix as the assessment needs it. */
    record Previous(Instant fixTime, double latitude, double longitude, FixValidity validity) {
    }

    /** A fix with the time the store keeps, corrected for the week rollover where needed, and its validity. */
    record Assessment(PositionFix fix, FixValidity validity) {
    }

    Assessment assess(PositionFix reported, Instant now, DeviceTrack track) {
        if (!reported.valid()) {
            return new Assessment(reported, FixValidity.NO_FIX);
        }

        PositionFix fix = correctRollover(reported, now);
        boolean corrected = fix != reported;

        if (fix.fixTime().isAfter(now.plus(settings.futureTolerance()))) {
            return new Assessment(fix, FixValidity.FUTURE);
        }
        if (isJump(fix, track)) {
            return new Assessment(fix, FixValidity.IMPOSSIBLE_JUMP);
        }
        if (track.usableAfter(fix.fixTime())) {
            return new Assessment(fix, FixValidity.HISTORY);
        }
        return new Assessment(fix, corrected ? FixValidity.ROLLOVER_CORRECTED : FixValidity.VALID);
    }

    /**
     * Returns the fix moved forward by whole GPS week eras when that puts it between {@link #ROLLOVER_WINDOW}
     * before the node clock and {@link #ROLLOVER_WINDOW_AHEAD} after it, or the reported fix unchanged.
     */
    PositionFix correctRollover(PositionFix fix, Instant now) {
        Instant earliest = now.minus(ROLLOVER_WINDOW);
        if (!fix.fixTime().isBefore(earliest)) {
            return fix;
        }
        Instant latest = now.plus(ROLLOVER_WINDOW_AHEAD);
        for (int eras = 1; eras <= MAX_ERAS; eras++) {
            Instant candidate = fix.fixTime().plus(GPS_WEEK_ERA.multipliedBy(eras));
            if (!candidate.isBefore(earliest) && !candidate.isAfter(latest)) {
                return new PositionFix(fix.deviceId(), candidate, fix.latitude(), fix.longitude(), fix.altitude(),
                        fix.speedKmh(), fix.course(), fix.satellites(), fix.hdop(), fix.valid());
            }
        }
        return fix;
    }

    /**
     * Returns whether reaching the fix from the device's previous usable fix needs more than the maximum
     * speed. A fix that agrees with a newer stored fix flagged as a jump is accepted and becomes the new
     * reference, because two agreeing fixes outweigh one: the vehicle really moved, or the old usable fix
     * was wrong. Without that a device would stay flagged for hours after one accepted bad fix.
     */
    private boolean isJump(PositionFix fix, DeviceTrack track) {
        Optional<Previous> previous = track.usableBefore(fix.fixTime());
        if (previous.isEmpty() || !exceedsMaxSpeed(previous.get(), fix)) {
            return false;
        }
        Optional<Previous> newest = track.anyBefore(fix.fixTime());
        boolean agreesWithNewerJump = newest.isPresent()
                && newest.get().validity() == FixValidity.IMPOSSIBLE_JUMP
                && newest.get().fixTime().isAfter(previous.get().fixTime())
                && !exceedsMaxSpeed(newest.get(), fix);
        return !agreesWithNewerJump;
    }

    private boolean exceedsMaxSpeed(Previous from, PositionFix to) {
        double meters = distanceMeters(from.latitude(), from.longitude(), to.latitude(), to.longitude());
        if (meters < MIN_JUMP_METERS) {
            return false;
        }
        double seconds = Math.abs(Duration.between(from.fixTime(), to.fixTime()).toMillis()) / 1000.0;
        if (seconds == 0) {
            return true;
        }
        return meters / seconds * 3.6 > settings.maxSpeedKmh();
    }

    /** Great-circle distance on a sphere of the mean Earth radius (haversine formula). */
    static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
