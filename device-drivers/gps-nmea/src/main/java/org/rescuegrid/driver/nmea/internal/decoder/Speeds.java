package org.rescuegrid.driver.nmea.internal.decoder;

/** Unit conversion for NMEA speeds. */
final class Speeds {

    /** One international knot is exactly 1852 m per hour. */
    static final double KMH_PER_KNOT = 1.852;

    private Speeds() {
    }
}
