package org.rescuegrid.store.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.rescuegrid.api.config.ConfigProblem;

/** The position validity limits after validation. */
record PositionValiditySettings(Duration futureTolerance, double maxSpeedKmh) {

    static final String PID = "org.rescuegrid.store.positions";

    static final PositionValiditySettings DEFAULTS = new PositionValiditySettings(Duration.ofSeconds(300), 300);

    /** Settings built from a configuration, with the rejected values that kept their previous setting. */
    record Resolved(PositionValiditySettings settings, List<ConfigProblem> problems) {
    }

    /**
     * Validates each key on its own. A rejected value keeps the key's setting from {@code previous}, so one
     * bad line never stops the store that every position passes through, and the rejection is returned
     * as a {@link ConfigProblem} naming the key, the value and the accepted form.
     */
    static Resolved resolve(PositionValidityConfig config, PositionValiditySettings previous) {
        List<ConfigProblem> problems = new ArrayList<>();
        long previousTolerance = previous.futureTolerance().toSeconds();
        long previousSpeed = Math.round(previous.maxSpeedKmh());
        long tolerance = wholeNumber("futureToleranceSeconds", config.futureToleranceSeconds(), 1, 86_400, previousTolerance, problems);
        long speed = wholeNumber("maxSpeedKmh", config.maxSpeedKmh(), 50, 2000, previousSpeed, problems);
        return new Resolved(new PositionValiditySettings(Duration.ofSeconds(tolerance), speed), List.copyOf(problems));
    }

    private static long wholeNumber(String key, String text, long min, long max, long previous, List<ConfigProblem> problems) {
        String value = text == null ? "" : text.strip();
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted form, like a number out of range.
        }
        problems.add(new ConfigProblem(PID, key, value, "a whole number from " + min + " to " + max,
                "keeps " + key + "=" + previous + " from its previous or default settings"));
        return previous;
    }
}
