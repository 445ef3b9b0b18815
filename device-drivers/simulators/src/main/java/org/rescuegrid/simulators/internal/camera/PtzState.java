package org.rescuegrid.simulators.internal.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pan, tilt and zoom of the simulated camera in the ONVIF generic spaces (pan and tilt -1 to 1,
 * zoom 0 to 1). A continuous move changes the position at {@link #UNITS_PER_SECOND} times the
 * velocity until stopped, its timeout passes, or a limit is reached.
 */
final class PtzState {

    static final double UNITS_PER_SECOND = 0.5;

    /** A preset with its token and name; tokens differ from names as on many real cameras. */
    record Preset(String token, String name, double pan, double tilt, double zoom) {
    }

    static final List<Preset> PRESETS = List.of(
            new Preset("1", "Home", 0, 0, 0),
            new Preset("2", "Gate", 0.5, -0.2, 0.3),
            new Preset("3", "Yard", -0.6, 0.1, 0));

    private double pan;
    private double tilt;
    private double zoom;
    private double panVelocity;
    private double tiltVelocity;
    private double zoomVelocity;
    private Instant movedAt = Instant.EPOCH;
    private Instant moveEnds = Instant.EPOCH;

    synchronized void continuousMove(double panSpeed, double tiltSpeed, double zoomSpeed, Duration timeout, Instant now) {
        settle(now);
        panVelocity = panSpeed;
        tiltVelocity = tiltSpeed;
        zoomVelocity = zoomSpeed;
        movedAt = now;
        moveEnds = timeout == null ? Instant.MAX : now.plus(timeout);
    }

    synchronized void stop(Instant now) {
        settle(now);
        panVelocity = 0;
        tiltVelocity = 0;
        zoomVelocity = 0;
    }

    synchronized Optional<Preset> gotoPreset(String token, Instant now) {
        Optional<Preset> preset = PRESETS.stream().filter(p -> p.token().equals(token)).findFirst();
        preset.ifPresent(p -> {
            stop(now);
            pan = p.pan();
            tilt = p.tilt();
            zoom = p.zoom();
        });
        return preset;
    }

    /** Returns {pan, tilt, zoom, moving (1 or 0)} at {@code now}. */
    synchronized double[] position(Instant now) {
        settle(now);
        boolean moving = panVelocity != 0 || tiltVelocity != 0 || zoomVelocity != 0;
        return new double[] {pan, tilt, zoom, moving ? 1 : 0};
    }

    private void settle(Instant now) {
        Instant end = now.isBefore(moveEnds) ? now : moveEnds;
        double seconds = Math.max(0, Duration.between(movedAt, end).toMillis() / 1000.0);
        pan = clamp(pan + panVelocity * UNITS_PER_SECOND * seconds, -1, 1);
        tilt = clamp(tilt + tiltVelocity * UNITS_PER_SECOND * seconds, -1, 1);
        zoom = clamp(zoom + zoomVelocity * UNITS_PER_SECOND * seconds, 0, 1);
        movedAt = end.isAfter(movedAt) ? end : movedAt;
        if (!now.isBefore(moveEnds)) {
            panVelocity = 0;
            tiltVelocity = 0;
            zoomVelocity = 0;
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
