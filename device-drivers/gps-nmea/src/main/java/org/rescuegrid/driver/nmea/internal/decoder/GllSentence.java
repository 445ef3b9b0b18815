package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.LocalTime;

/**
 * GLL, geographic position: position, time and status.
 *
 * @param time UTC time of day, or null when empty or absent (NMEA 1.5 GLL has no time field)
 * @param status A (valid) or V (invalid), or null when empty or absent
 */
public record GllSentence(String talker, Coordinates position, LocalTime time, Character status, FixMode mode)
        implements NmeaSentence {

    /** Parses the data fields: latitude, N/S, longitude, E/W, then time, status and mode. */
    static GllSentence parse(String talker, FieldReader fields) throws SentenceException {
        fields.requireAtLeast(4);
        return new GllSentence(
                talker,
                CoordinateFields.parse(fields, 0),
                DateTimeFields.time(fields, 4),
                fields.letter(5, "status", "AV"),
                fields.mode(6));
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
