package org.rescuegrid.bus.internal;

import java.util.ArrayList;
import java.util.List;

import org.rescuegrid.api.config.ConfigProblem;

/** The bus configuration after validation. */
record BusSettings(String httpHost, int httpPort, long httpMaxBodyBytes) {

    static final String PID = "org.rescuegrid.bus";

    static final BusSettings DEFAULTS = new BusSettings("127.0.0.1", 8123, 8L * 1024 * 1024);

    /** Settings built from a configuration, with the rejected values that kept their previous setting. */
    record Resolved(BusSettings settings, List<ConfigProblem> problems) {
    }

    /**
     * Validates each key on its own. A rejected value keeps the key's setting from {@code previous},
     * because every route of the node runs in the bus's CamelContext and one bad line must not stop them.
     */
    static Resolved resolve(BusConfig config, BusSettings previous) {
        List<ConfigProblem> problems = new ArrayList<>();

        String host = config.httpHost() == null ? "" : config.httpHost().strip();
        if (host.isEmpty()) {
            problems.add(problem("httpHost", host, "an address such as 127.0.0.1, or 0.0.0.0 to accept other hosts",
                    previous.httpHost()));
            host = previous.httpHost();
        }
        long port = wholeNumber("httpPort", config.httpPort(), 1, 65535, previous.httpPort(), problems);
        long maxBody = wholeNumber("httpMaxBodyBytes", config.httpMaxBodyBytes(), 65_536, 268_435_456,
                previous.httpMaxBodyBytes(), problems);
        return new Resolved(new BusSettings(host, (int) port, maxBody), List.copyOf(problems));
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
        problems.add(problem(key, value, "a whole number from " + min + " to " + max, String.valueOf(previous)));
        return previous;
    }

    private static ConfigProblem problem(String key, String value, String expected, String kept) {
        return new ConfigProblem(PID, key, value, expected, "keeps " + key + "=" + kept + " from its previous or default settings");
    }
}
