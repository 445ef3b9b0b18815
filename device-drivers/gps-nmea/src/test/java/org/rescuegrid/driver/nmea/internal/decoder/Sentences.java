package org.rescuegrid.driver.nmea.internal.decoder;

/** Builder of test sentences with a correct checksum, computed here and not by the code under test. */
final class Sentences {

    private Sentences() {
    }

    /** Returns {@code "$" + body + "*hh"}, where hh is the XOR of the characters of body. */
    static String withChecksum(String body) {
        int checksum = 0;
        for (char c : body.toCharArray()) {
            checksum ^= c;
        }
        return "$" + body + String.format("*%02X", checksum);
    }
}
