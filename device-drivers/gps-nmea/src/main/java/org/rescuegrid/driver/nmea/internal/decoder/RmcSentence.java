package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * RMC, recommended minimum data: time, date, position, speed and course.
 *
 * @param status A (valid) or V (warning), or null when empty
 * @param mode NMEA 2.3+ mode indicator, or null for older receivers
 */
public record RmcSentence(String talker, LocalTime time, Character status, Coordinates position,
        Double speedKnots, Double courseTrue, LocalDate date, FixMode mode) implements NmeaSentence {

    /**
     * Parses the data fields: time, status, latitude, N/S, longitude, E/W, speed in knots, course
     * true, date, then magnetic variation, E/W, mode and (NMEA 4.1) navigational status, which
     * may be absent.
     */
    static RmcSentence parse(String talker, FieldReader fields) throws SentenceException {
        fields.requireAtLeast(9);
        return new RmcSentence(
                talker,
                DateTimeFields.time(fields, 0),
                fields.letter(1, "status", "AV"),
                CoordinateFields.parse(fields, 2),
                fields.nonNegativeDecimal(6, "speed over ground (knots)"),
                fields.nonNegativeDecimal(7, "course over ground"),
                DateTimeFields.date(fields, 8),
                fields.mode(11));
    }

    /** Returns false for status V or a non-fix mode, true for status A otherwise. */
    @Override
    public Boolean validity() {
        if (status == null) {
            return mode == null ? null : mode.isValidFix();
        }
        return status == 'A' && (mode == null || mode.isValidFix());
    }
}
