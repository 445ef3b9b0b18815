package org.rescuegrid.driver.nmea.internal.decoder;

/**
 * Mode indicator that NMEA 0183 2.3 and later append to RMC, GLL and VTG (and GNS).
 */
public enum FixMode {
    AUTONOMOUS('A', true),
    DIFFERENTIAL('D', true),
    ESTIMATED('E', false),
    FLOAT_RTK('F', true),
    MANUAL_INPUT('M', false),
    NOT_VALID('N', false),
    PRECISE('P', true),
    RTK('R', true),
    SIMULATOR('S', false);

    private final char indicator;
    private final boolean validFix;

    FixMode(char indicator, boolean validFix) {
        this.indicator = indicator;
        this.validFix = validFix;
    }

    /**
     * Returns whether the mode reports a position measured from satellites. Dead reckoning
     * (E), manual input (M), simulation (S) and no fix (N) are not, because a dispatcher must
     * not mistake an estimate for a measured position. Float RTK is a satellite measurement.
     */
    public boolean isValidFix() {
        return validFix;
    }

    /** Returns the mode for an indicator letter, or null for a letter NMEA does not define. */
    static FixMode fromIndicator(char indicator) {
        for (FixMode mode : values()) {
            if (mode.indicator == indicator) {
                return mode;
            }
        }
        return null;
    }
}
