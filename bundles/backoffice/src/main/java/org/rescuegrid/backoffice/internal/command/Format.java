package org.rescuegrid.backoffice.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Formats and parses back-office values for the console: times in UTC, durations as m:ss, absent values as a dash. */
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
        long seconds = Math.abs(duration.toSeconds());
        String sign = duration.isNegative() ? "-" : "";
        return seconds >= 3600 ? String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%s%d:%02d", sign, seconds / 60, seconds % 60);
    }

    static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** Parses an ISO-8601 UTC time or a date (its midnight UTC); null stays null. */
    static Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.strip().length() == 10 ? LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is invalid; write a date such as 2026-12-04 or a UTC time such as"
                    + " 2026-12-04T10:07:00Z", e);
        }
    }
}
