package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the NMEA UTC time-of-day field ({@code hhmmss} with optional fraction) and the
 * RMC date field ({@code ddmmyy}).
 */
final class DateTimeFields {

    private static final Pattern TIME = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})(?:\\.(\\d{0,9}))?");
    private static final Pattern DATE = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})");

    private DateTimeFields() {
    }

    /**
     * Parses a UTC time of day such as {@code 081411.000} or {@code 214350}, or returns null for
     * an empty field.
     */
    static LocalTime time(FieldReader fields, int index) throws SentenceException {
        String value = fields.text(index);
        if (value.isEmpty()) {
            return null;
        }
        Matcher matcher = TIME.matcher(value);
        if (!matcher.matches()) {
            throw fields.invalid("UTC time", value, "is not hhmmss or hhmmss.sss");
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = Integer.parseInt(matcher.group(2));
        int second = Integer.parseInt(matcher.group(3));
        // NOTE: a leap second (ss = 60) is rejected, because LocalTime cannot hold it.
        if (hour > 23 || minute > 59 || second > 59) {
            throw fields.invalid("UTC time", value, "is outside 00:00:00..23:59:59");
        }
        String fraction = matcher.group(4) == null ? "" : matcher.group(4);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        return LocalTime.of(hour, minute, second, nanos);
    }

    /**
     * Parses an RMC date {@code ddmmyy}, or returns null for an empty field. Two-digit years
     * 80..99 are 1980..1999 and 00..79 are 2000..2079, because GPS time starts in January 1980
     * and earlier years do not occur. GPS week rollover is not corrected here.
     */
    static LocalDate date(FieldReader fields, int index) throws SentenceException {
        String value = fields.text(index);
        if (value.isEmpty()) {
            return null;
        }
        Matcher matcher = DATE.matcher(value);
        if (!matcher.matches()) {
            throw fields.invalid("date", value, "is not ddmmyy");
        }
        int day = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        int twoDigitYear = Integer.parseInt(matcher.group(3));
        int year = twoDigitYear >= 80 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
        if (month < 1 || month > 12 || day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
            throw fields.invalid("date", value, "is not a calendar date (ddmmyy)");
        }
        return LocalDate.of(year, month, day);
    }
}
