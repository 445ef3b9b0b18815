package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.LocalTime;

/**
 * GGA, fix data: time, position, fix quality, satellites used, HDOP and altitude.
 *
 * @param quality fix quality code (0 no fix, 1 GPS, 2 DGPS, 3 PPS, 4 RTK fixed, 5 RTK float,
 *                6 estimated, 7 manual input, 8 simulation), or null when empty
 * @param hdop horizontal dilution of precision, or null when empty or reported as 0
 * @param altitude metres above mean sea level, or null when empty or not in metres
 */
public record GgaSentence(String talker, LocalTime time, Coordinates position, Integer quality,
        Integer satellites, Double hdop, Double altitude) implements NmeaSentence {

    /**
     * Parses the data fields: time, latitude, N/S, longitude, E/W, quality, satellites, HDOP,
     * altitude, altitude unit, then geoid separation, its unit, DGPS age and station, which are
     * not read.
     */
    static GgaSentence parse(String talker, FieldReader fields) throws SentenceException {
        fields.requireAtLeast(9);
        LocalTime time = DateTimeFields.time(fields, 0);
        Coordinates position = CoordinateFields.parse(fields, 1);
        Integer quality = fields.unsignedInteger(5, "fix quality");
        Integer satellites = fields.unsignedInteger(6, "satellites used");
        Double hdop = fields.nonNegativeDecimal(7, "HDOP");
        Double altitude = fields.decimal(8, "altitude");

        // A DOP is positive by definition. The Haicom HI-305N (SiRF-II) sends 00.0 while it has
        // no fix, meaning "unknown".
        if (hdop != null && hdop == 0) {
            hdop = null;
        }
        // NMEA 0183 fixes the unit to M. Another letter is not a unit this decoder can convert,
        // so the altitude is dropped instead of stored with a wrong unit.
        if (!fields.isEmpty(9) && !fields.text(9).equals("M")) {
            altitude = null;
        }
        return new GgaSentence(talker, time, position, quality, satellites, hdop, altitude);
    }

    /**
     * Returns true for qualities 1 to 5, which are satellite measurements, false for 0 and for
     * 6 to 8 (estimated, manual input, simulation) or any other code, null when empty.
     */
    @Override
    public Boolean validity() {
        if (quality == null) {
            return null;
        }
        return quality >= 1 && quality <= 5;
    }
}
