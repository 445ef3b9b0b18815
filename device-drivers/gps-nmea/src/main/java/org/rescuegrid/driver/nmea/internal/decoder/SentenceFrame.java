package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.Arrays;
import java.util.List;

/**
 * One sentence cut out of a received line, from its start delimiter to the end of the line,
 * before its checksum is verified.
 *
 * @param text the sentence from {@code $} or {@code !} on, without line terminator
 * @param address the address field, such as {@code GPRMC} or {@code PGRME}
 */
record SentenceFrame(String text, String address) {

    /**
     * Returns whether this is a proprietary sentence ({@code $P} followed by a manufacturer
     * code), whose format and checksum practice are up to the manufacturer.
     */
    boolean isProprietary() {
        return text.charAt(0) == '$' && address.charAt(0) == 'P';
    }

    /** Returns whether this is an encapsulation sentence ({@code !}), such as AIS {@code !AIVDM}. */
    boolean isEncapsulation() {
        return text.charAt(0) == '!';
    }

    /** Returns the position of the checksum delimiter {@code *}, or -1 when there is none. */
    int checksumDelimiterIndex() {
        return text.indexOf('*');
    }

    /**
     * Splits the part between the address field and the checksum delimiter into data fields.
     * Empty fields are kept, so field positions match the sentence definition.
     */
    List<String> dataFields() {
        int end = checksumDelimiterIndex() < 0 ? text.length() : checksumDelimiterIndex();
        int start = 1 + address.length();
        if (start >= end) {
            return List.of();
        }
        // text.charAt(start) is the comma after the address field.
        return Arrays.asList(text.substring(start + 1, end).split(",", -1));
    }
}
