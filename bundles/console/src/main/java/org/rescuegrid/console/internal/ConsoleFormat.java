package org.rescuegrid.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats values for console tables: times in UTC, absent values as a dash. */
final class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ConsoleFormat() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** Formats how long ago an instant was, for example {@code 12s ago}. */
    static String age(Instant instant, Instant now) {
        if (instant == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(instant, now).getSeconds());
        if (seconds < 120) {
            return seconds + "s ago";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m ago";
        }
        return seconds / 3600 + "h ago";
    }

    static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    static String decimal(Double value, int digits) {
        return value == null ? "-" : String.format(java.util.Locale.ROOT, "%." + digits + "f", value);
    }

    static String coordinate(double value) {
        return String.format(java.util.Locale.ROOT, "%.6f", value);
    }
}
