package org.rescuegrid.store.internal;

import java.time.Duration;

/** The position validity limits after validation; every rejected value is named with the accepted form. */
record PositionValiditySettings(Duration futureTolerance, double maxSpeedKmh) {

    static final String PID = "org.rescuegrid.store.positions";

    static final PositionValiditySettings DEFAULTS = new PositionValiditySettings(Duration.ofSeconds(300), 300);

    static PositionValiditySettings from(PositionValidityConfig config) {
        requireRange("futureToleranceSeconds", config.futureToleranceSeconds(), 1, 86_400);
        requireRange("maxSpeedKmh", config.maxSpeedKmh(), 50, 2000);
        return new PositionValiditySettings(Duration.ofSeconds(config.futureToleranceSeconds()), config.maxSpeedKmh());
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set a whole number from "
                    + min + " to " + max);
        }
    }
}
