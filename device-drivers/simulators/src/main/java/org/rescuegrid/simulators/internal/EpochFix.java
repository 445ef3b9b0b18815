package org.rescuegrid.simulators.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fix of one NMEA epoch as a binary or HTTP tracker reports it: time, position, speed and course from
 * the epoch's first valid RMC, and satellites, altitude and HDOP from its GGA when it has one.
 *
 * @param time UTC time of the RMC, to the whole second
 * @param latitude WGS84 degrees, north positive
 * @param longitude WGS84 degrees, east positive
 * @param speedKnots ground speed in knots, 0 when the RMC leaves it empty
 * @param course degrees from true north, 0-359
 * @param satellites satellites in use from the GGA, 0 without one
 * @param altitude metres above mean sea level from the GGA, 0 without one
 * @param hdop horizontal dilution of precision from the GGA, or null without one
 */
public record EpochFix(Instant time, double latitude, double longitude, double speedKnots, int course, int satellites, double altitude,
        Double hdop) {

    private static final Pattern COORDINATE = Pattern.compile("(\\d+)(\\d{2}(?:\\.\\d+)?)");

    /** Returns the fixes of a recorded NMEA log, one per epoch with a valid RMC, in recorded order. */
    public static List<EpochFix> track(byte[] log) {
        return ReplayScript.fromLines(ReplayScript.splitLines(log)).epochs().stream()
                .map(epoch -> of(epoch.lines()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Returns a copy of this fix at another time, as the load harness sends a recorded track with fresh times. */
    public EpochFix at(Instant otherTime) {
        return new EpochFix(otherTime, latitude, longitude, speedKnots, course, satellites, altitude, hdop);
    }

    /** Returns the fix of an epoch's lines, or empty when the epoch has no valid RMC with a time, date and position. */
    public static Optional<EpochFix> of(List<byte[]> lines) {
        Sentence rmc = null;
        Sentence gga = null;
        for (byte[] line : lines) {
            for (Sentence sentence : Sentence.findAll(ReplayScript.text(line))) {
                if (!sentence.trusted()) {
                    continue;
                }
                if (sentence.type().equals("RMC") && sentence.field(2).equals("A") && rmc == null) {
                    rmc = sentence;
                } else if (sentence.type().equals("GGA") && sentence.field(7).matches("\\d{1,2}")) {
                    gga = sentence;
                }
            }
        }
        return rmc == null ? Optional.empty() : fromRmc(rmc, gga);
    }

    private static Optional<EpochFix> fromRmc(Sentence rmc, Sentence gga) {
        Optional<Double> latitude = degrees(rmc.field(3), rmc.field(4), "N", "S");
        Optional<Double> longitude = degrees(rmc.field(5), rmc.field(6), "E", "W");
        Optional<ZonedDateTime> time = time(rmc.field(1), rmc.field(9));
        if (latitude.isEmpty() || longitude.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        int course = (int) Math.round(number(rmc.field(8))) % 360;
        int satellites = gga == null ? 0 : Integer.parseInt(gga.field(7));
        double altitude = gga == null || number(gga.field(9)) == 0 ? 0 : Double.parseDouble(gga.field(9));
        Double hdop = gga == null || number(gga.field(8)) == 0 ? null : number(gga.field(8));
        return Optional.of(new EpochFix(time.get().toInstant(), latitude.get(), longitude.get(), number(rmc.field(7)), course, satellites,
                altitude, hdop));
    }

    /** Returns a decimal field's absolute value, or 0 when it is empty or malformed, as a tracker without a speed or course reports. */
    private static double number(String field) {
        try {
            return field.isEmpty() ? 0 : Math.abs(Double.parseDouble(field));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Double> degrees(String field, String hemisphere, String positive, String negative) {
        Matcher m = COORDINATE.matcher(field);
        if (!m.matches() || !(hemisphere.equals(positive) || hemisphere.equals(negative))) {
            return Optional.empty();
        }
        double value = Integer.parseInt(m.group(1)) + Double.parseDouble(m.group(2)) / 60;
        return Optional.of(hemisphere.equals(negative) ? -value : value);
    }

    private static Optional<ZonedDateTime> time(String hhmmss, String ddmmyy) {
        if (!hhmmss.matches("\\d{6}(\\.\\d+)?") || !ddmmyy.matches("\\d{6}")) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(2000 + Integer.parseInt(ddmmyy.substring(4)), Integer.parseInt(ddmmyy.substring(2, 4)),
                    Integer.parseInt(ddmmyy.substring(0, 2)));
            LocalTime time = LocalTime.of(Integer.parseInt(hhmmss.substring(0, 2)), Integer.parseInt(hhmmss.substring(2, 4)),
                    Math.min(59, Integer.parseInt(hhmmss.substring(4, 6))));
            return Optional.of(ZonedDateTime.of(date, time, ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
