package org.rescuegrid.driver.nmea.internal.decoder;

/**
 * VTG, course and speed over ground. It carries no time, so the assembler attaches it to the
 * epoch in progress.
 *
 * @param speedKmh speed from the km/h field, or converted from the knots field when that is
 *                 the only one filled in
 */
public record VtgSentence(String talker, Double courseTrue, Double speedKmh, FixMode mode) implements NmeaSentence {

    /**
     * Parses the data fields: course true, T, course magnetic, M, speed in knots, N, speed in
     * km/h, K, then the NMEA 2.3+ mode indicator.
     */
    static VtgSentence parse(String talker, FieldReader fields) throws SentenceException {
        fields.requireAtLeast(8);
        Double courseTrue = fields.nonNegativeDecimal(0, "course over ground");
        Double speedKnots = fields.nonNegativeDecimal(4, "speed over ground (knots)");
        Double speedKmh = fields.nonNegativeDecimal(6, "speed over ground (km/h)");
        if (speedKmh == null && speedKnots != null) {
            speedKmh = speedKnots * Speeds.KMH_PER_KNOT;
        }
        return new VtgSentence(talker, courseTrue, speedKmh, fields.mode(8));
    }

    /** Returns the mode's verdict, or null for receivers older than NMEA 2.3 that send none. */
    @Override
    public Boolean validity() {
        return mode == null ? null : mode.isValidFix();
    }
}
