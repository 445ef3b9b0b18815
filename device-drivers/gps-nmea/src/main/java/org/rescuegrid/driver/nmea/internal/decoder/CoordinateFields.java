package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser for the four position fields that RMC, GGA and GLL share: latitude as
 * {@code ddmm.mmmm}, N or S, longitude as {@code dddmm.mmmm}, E or W.
 */
final class CoordinateFields {

    // The last two digits before the decimal point are whole minutes and the digits before them
    // are degrees. Fewer degree digits than ddmm/dddmm are accepted because some receivers drop
    // leading zeros. The number of fraction digits varies by receiver (3 to 8 in the fixtures).
    private static final Pattern LATITUDE = Pattern.compile("(\\d{1,2})(\\d{2}(?:\\.\\d*)?)");
    private static final Pattern LONGITUDE = Pattern.compile("(\\d{1,3})(\\d{2}(?:\\.\\d*)?)");

    private CoordinateFields() {
    }

    /**
     * Parses the four fields starting at {@code firstIndex}. Returns null when all four are
     * empty, which is how receivers report "no position yet". Rejects a half-filled group, a
     * malformed value, minutes of 60 or more, and a position outside -90..90 / -180..180.
     */
    static Coordinates parse(FieldReader fields, int firstIndex) throws SentenceException {
        int latitudeIndex = firstIndex;
        int northSouthIndex = firstIndex + 1;
        int longitudeIndex = firstIndex + 2;
        int eastWestIndex = firstIndex + 3;
        boolean allEmpty = fields.isEmpty(latitudeIndex) && fields.isEmpty(northSouthIndex)
                && fields.isEmpty(longitudeIndex) && fields.isEmpty(eastWestIndex);
        if (allEmpty) {
            return null;
        }

        double latitude = degrees(fields, latitudeIndex, "latitude", LATITUDE, "ddmm.mmmm");
        Character northSouth = fields.letter(northSouthIndex, "latitude hemisphere", "NS");
        if (northSouth == null) {
            throw fields.invalid("latitude hemisphere", "", "is missing while latitude "
                    + Excerpt.quote(fields.text(latitudeIndex)) + " is present");
        }
        if (latitude > 90) {
            throw fields.invalid("latitude", fields.text(latitudeIndex), "is beyond 90 degrees");
        }

        double longitude = degrees(fields, longitudeIndex, "longitude", LONGITUDE, "dddmm.mmmm");
        Character eastWest = fields.letter(eastWestIndex, "longitude hemisphere", "EW");
        if (eastWest == null) {
            throw fields.invalid("longitude hemisphere", "", "is missing while longitude "
                    + Excerpt.quote(fields.text(longitudeIndex)) + " is present");
        }
        if (longitude > 180) {
            throw fields.invalid("longitude", fields.text(longitudeIndex), "is beyond 180 degrees");
        }

        return new Coordinates(northSouth == 'S' ? -latitude : latitude, eastWest == 'W' ? -longitude : longitude);
    }

    private static double degrees(FieldReader fields, int index, String name, Pattern format, String formatName)
            throws SentenceException {
        String value = fields.text(index);
        if (value.isEmpty()) {
            throw fields.invalid(name, value, "is missing while other position fields are present");
        }
        Matcher matcher = format.matcher(value);
        if (!matcher.matches()) {
            throw fields.invalid(name, value, "is not in " + formatName + " format");
        }
        int wholeDegrees = Integer.parseInt(matcher.group(1));
        double minutes = Double.parseDouble(matcher.group(2));
        if (minutes >= 60) {
            throw fields.invalid(name, value, "has minutes of 60 or more");
        }
        return wholeDegrees + minutes / 60.0;
    }
}
