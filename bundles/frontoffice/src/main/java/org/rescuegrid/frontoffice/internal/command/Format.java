package org.rescuegrid.frontoffice.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.rescuegrid.frontoffice.Location;

/** Formats front-office values for console tables: times in UTC, durations as m:ss, absent values as a dash. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Format() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String place(Location location) {
        if (location == null) {
            return "-";
        }
        String coordinates = String.format(Locale.ROOT, "%.5f,%.5f", location.latitude(), location.longitude());
        return location.landmark() == null ? coordinates : location.landmark() + " (" + coordinates + ")";
    }

    static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** Parses an ISO-8601 UTC time given with {@code option}; null stays null. */
    static Instant utcTime(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is invalid; write an ISO-8601 UTC time such as 2026-12-04T10:07:00Z", e);
        }
    }
}
