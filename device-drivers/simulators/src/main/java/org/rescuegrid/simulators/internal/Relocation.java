package org.rescuegrid.simulators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a log to another place. Every position in its GGA, RMC, GLL and GNS sentences is shifted
 * by the same number of degrees, so the log's first fix lands on a target point and the track
 * keeps its shape. The shifted fields keep their number of decimals, and checksums are recomputed.
 *
 * <p>Arithmetic is done on exact decimal minutes, so that shifting adds no rounding noise to the
 * recorded movement. Latitudes pushed past a pole are held at 90 degrees, and longitudes wrap at
 * 180 degrees. Sentences with a wrong checksum are left unchanged, as the driver should reject
 * them like the receiver's original output.
 *
 * <p>NOTE: only these four position sentences are shifted. Waypoints (RMB, WPL, BWC) and
 * proprietary sentences keep their recorded coordinates.
 */
final class Relocation {

    /** Degrees, then exactly two digits of whole minutes, then an optional fraction of minutes. */
    private static final Pattern COORDINATE = Pattern.compile("(\\d+)(\\d{2}(?:\\.(\\d+))?)");
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal MAX_LATITUDE_MINUTES = BigDecimal.valueOf(90 * 60);
    private static final BigDecimal HALF_TURN_MINUTES = BigDecimal.valueOf(180 * 60);
    private static final BigDecimal FULL_TURN_MINUTES = BigDecimal.valueOf(360 * 60);

    private final BigDecimal latitudeShiftMinutes;
    private final BigDecimal longitudeShiftMinutes;

    private Relocation(BigDecimal latitudeShiftMinutes, BigDecimal longitudeShiftMinutes) {
        this.latitudeShiftMinutes = latitudeShiftMinutes;
        this.longitudeShiftMinutes = longitudeShiftMinutes;
    }

    /**
     * Creates the shift that moves the first fix of {@code lines} to the target, given in decimal
     * degrees (negative for south and west). Returns empty when the log contains no valid fix.
     */
    static Optional<Relocation> toTarget(List<byte[]> lines, BigDecimal targetLatitude, BigDecimal targetLongitude) {
        for (byte[] line : lines) {
            for (Sentence sentence : Sentence.findAll(ReplayScript.text(line))) {
                Optional<Position> fix = validFix(sentence);
                if (fix.isPresent()) {
                    return Optional.of(new Relocation(
                            targetLatitude.multiply(SIXTY).subtract(fix.get().latitudeMinutes),
                            targetLongitude.multiply(SIXTY).subtract(fix.get().longitudeMinutes)));
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the shifted lines. Lines without a position sentence are returned as they are. */
    List<byte[]> apply(List<byte[]> lines) {
        List<byte[]> shifted = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            shifted.add(apply(line));
        }
        return shifted;
    }

    byte[] apply(byte[] line) {
        return Sentence.rewrite(line, this::shift);
    }

    private Optional<String> shift(Sentence sentence) {
        Optional<FieldLayout> layout = FieldLayout.of(sentence);
        if (layout.isEmpty() || !sentence.trusted()) {
            return Optional.empty();
        }
        int lat = layout.get().latitudeIndex;
        int lon = lat + 2;
        String[] fields = sentence.fields();
        Optional<BigDecimal> latitude = parse(fields, lat, 'N', 'S');
        Optional<BigDecimal> longitude = parse(fields, lon, 'E', 'W');
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }

        BigDecimal newLatitude = latitude.get().add(latitudeShiftMinutes)
                .max(MAX_LATITUDE_MINUTES.negate()).min(MAX_LATITUDE_MINUTES);
        BigDecimal newLongitude = wrapLongitude(longitude.get().add(longitudeShiftMinutes));
        write(fields, lat, newLatitude, 'N', 'S');
        write(fields, lon, newLongitude, 'E', 'W');
        return Optional.of(sentence.withFields(fields));
    }

    private static BigDecimal wrapLongitude(BigDecimal minutes) {
        BigDecimal wrapped = minutes;
        while (wrapped.compareTo(HALF_TURN_MINUTES) > 0) {
            wrapped = wrapped.subtract(FULL_TURN_MINUTES);
        }
        while (wrapped.compareTo(HALF_TURN_MINUTES.negate()) <= 0) {
            wrapped = wrapped.add(FULL_TURN_MINUTES);
        }
        return wrapped;
    }

    /** Parses field {@code index} ({@code dddmm.mmmm}) and the hemisphere after it into signed minutes. */
    private static Optional<BigDecimal> parse(String[] fields, int index, char positive, char negative) {
        if (index + 1 >= fields.length) {
            return Optional.empty();
        }
        Matcher m = COORDINATE.matcher(fields[index]);
        String hemisphere = fields[index + 1];
        boolean north = hemisphere.equals(String.valueOf(positive));
        if (!m.matches() || (!north && !hemisphere.equals(String.valueOf(negative)))) {
            return Optional.empty();
        }
        BigDecimal minutes = new BigDecimal(m.group(1)).multiply(SIXTY).add(new BigDecimal(m.group(2)));
        return Optional.of(north ? minutes : minutes.negate());
    }

    /** Writes signed minutes back into field {@code index} and its hemisphere, in the field's original layout. */
    private static void write(String[] fields, int index, BigDecimal signedMinutes, char positive, char negative) {
        Matcher original = COORDINATE.matcher(fields[index]);
        if (!original.matches()) {
            throw new IllegalStateException("coordinate field was validated before: " + fields[index]);
        }
        int degreeDigits = original.group(1).length();
        int scale = original.group(3) == null ? 0 : original.group(3).length();

        BigDecimal absolute = signedMinutes.abs().setScale(scale, RoundingMode.HALF_EVEN);
        BigDecimal[] degreesAndMinutes = absolute.divideAndRemainder(SIXTY);
        String degrees = zeroPad(degreesAndMinutes[0].toBigInteger().toString(), degreeDigits);
        String minutes = degreesAndMinutes[1].setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
        int wholeMinuteDigits = scale == 0 ? minutes.length() : minutes.indexOf('.');
        fields[index] = degrees + "0".repeat(Math.max(0, 2 - wholeMinuteDigits)) + minutes;
        fields[index + 1] = String.valueOf(signedMinutes.signum() < 0 ? negative : positive);
    }

    private static String zeroPad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Returns the position of a sentence that reports a valid fix, with a trusted checksum. */
    private static Optional<Position> validFix(Sentence sentence) {
        Optional<FieldLayout> layout = FieldLayout.of(sentence);
        if (layout.isEmpty() || !sentence.trusted() || !layout.get().reportsFix(sentence)) {
            return Optional.empty();
        }
        String[] fields = sentence.fields();
        int lat = layout.get().latitudeIndex;
        Optional<BigDecimal> latitude = parse(fields, lat, 'N', 'S');
        Optional<BigDecimal> longitude = parse(fields, lat + 2, 'E', 'W');
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Position(latitude.get(), longitude.get()));
    }

    private static final class Position {
        final BigDecimal latitudeMinutes;
        final BigDecimal longitudeMinutes;

        Position(BigDecimal latitudeMinutes, BigDecimal longitudeMinutes) {
            this.latitudeMinutes = latitudeMinutes;
            this.longitudeMinutes = longitudeMinutes;
        }
    }

    /**
     * Field layout of a position sentence: the index of its latitude, with the longitude two
     * fields later, and where its fix status is, as NMEA 0183 defines them.
     */
    private enum FieldLayout {
        GGA(2),
        RMC(3),
        GLL(1),
        GNS(2);

        final int latitudeIndex;

        FieldLayout(int latitudeIndex) {
            this.latitudeIndex = latitudeIndex;
        }

        static Optional<FieldLayout> of(Sentence sentence) {
            switch (sentence.type()) {
                case "GGA":
                    return Optional.of(GGA);
                case "RMC":
                    return Optional.of(RMC);
                case "GLL":
                    return Optional.of(GLL);
                case "GNS":
                    return Optional.of(GNS);
                default:
                    return Optional.empty();
            }
        }

        /**
         * Returns whether the sentence reports a fix: GGA quality other than 0, RMC status A, GLL
         * status A (or no status field, which NMEA before 2.3 lacks), GNS mode other than all N.
         */
        boolean reportsFix(Sentence sentence) {
            switch (this) {
                case GGA:
                    return !sentence.field(6).isEmpty() && !sentence.field(6).equals("0");
                case RMC:
                    return sentence.field(2).equals("A");
                case GLL:
                    return sentence.fieldCount() <= 6 || sentence.field(6).equals("A");
                case GNS:
                    return !sentence.field(6).isEmpty() && !sentence.field(6).chars().allMatch(c -> c == 'N');
                default:
                    return false;
            }
        }
    }
}
