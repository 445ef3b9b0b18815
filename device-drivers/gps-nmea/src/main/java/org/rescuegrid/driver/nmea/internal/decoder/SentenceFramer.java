package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the NMEA sentence in a received line.
 *
 * <p>The sentence starts at the last {@code $} or {@code !} of the line. NMEA 0183 reserves
 * both characters as start delimiters, so they cannot occur inside a sentence. Receivers in
 * mixed-protocol mode (u-blox UBX, CASIC) put binary packets between sentences, and a binary
 * packet without a 0x0A byte ends up in front of the next sentence on the same line. Searching
 * from the end drops that binary prefix.
 *
 * <p>Binary packets also contain 0x24 ({@code $}) and 0x21 ({@code !}) bytes. A delimiter
 * therefore counts as a sentence start only when an address field of capital letters and digits
 * and then {@code ,} or {@code *} follow it.
 */
final class SentenceFramer {

    private static final Pattern ADDRESS = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

    private SentenceFramer() {
    }

    /** Returns the sentence at the end of {@code line}, or empty when the line carries none. */
    static Optional<SentenceFrame> locate(String line) {
        String text = stripLineEnd(line);
        int start = Math.max(text.lastIndexOf('$'), text.lastIndexOf('!'));
        if (start < 0) {
            return Optional.empty();
        }
        int addressEnd = start + 1;
        while (addressEnd < text.length() && text.charAt(addressEnd) != ',' && text.charAt(addressEnd) != '*') {
            addressEnd++;
        }
        if (addressEnd == text.length()) {
            return Optional.empty();
        }
        String address = text.substring(start + 1, addressEnd);
        if (!ADDRESS.matcher(address).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SentenceFrame(text.substring(start), address));
    }

    /**
     * Removes CR, LF, blanks and other control characters from the end of the line. The caller
     * may or may not have stripped the CR of the CR LF terminator, and some receivers pad lines
     * with NUL bytes.
     */
    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) <= ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
