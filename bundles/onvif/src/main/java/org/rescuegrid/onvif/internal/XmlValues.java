package org.rescuegrid.onvif.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.rescuegrid.onvif.OnvifException;

/** Parses the xs:dateTime, xs:duration, xs:boolean and number values that cameras send. */
public final class XmlValues {

    private XmlValues() {
    }

    /**
     * Parses an xs:dateTime. A value without a zone offset is read as UTC, because cameras that
     * omit it (several do) mean UTC in the fields where ONVIF requires UTC.
     */
    public static Instant dateTime(String text) throws OnvifException {
        String value = text.strip();
        try {
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OnvifException("invalid xs:dateTime '" + text + "', expected a form like 2014-12-24T19:14:37Z", e);
        }
    }

    /** Parses an xs:duration of days, hours, minutes and seconds, such as PT60S or P1DT2H. */
    public static Duration duration(String text) throws OnvifException {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new OnvifException("unsupported xs:duration '" + text + "', expected a form like PT60S", e);
        }
    }

    /** Parses an xs:boolean, which allows true, false, 1 and 0. */
    public static boolean bool(String text) throws OnvifException {
        return switch (text.strip()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new OnvifException("invalid xs:boolean '" + text + "', expected true, false, 1 or 0");
        };
    }

    public static int integer(String text) throws OnvifException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new OnvifException("invalid integer '" + text + "'", e);
        }
    }

    public static double decimal(String text) throws OnvifException {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new OnvifException("invalid number '" + text + "'", e);
        }
    }
}
