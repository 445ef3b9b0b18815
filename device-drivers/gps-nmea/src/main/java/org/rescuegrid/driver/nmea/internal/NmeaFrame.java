package org.rescuegrid.driver.nmea.internal;

/** What the frame decoder passes on for each line a device sends. */
sealed interface NmeaFrame {

    /** A line without its terminator, bytes read as ISO-8859-1 so that binary garbage survives one to one. */
    record Line(String text) implements NmeaFrame {
    }

    /** A line longer than the configured maximum; its bytes were discarded up to the next line end. */
    record TooLong(int length, int maxLength) implements NmeaFrame {
    }
}
