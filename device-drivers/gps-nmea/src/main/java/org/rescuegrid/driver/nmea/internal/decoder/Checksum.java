package org.rescuegrid.driver.nmea.internal.decoder;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Verification of the NMEA checksum: the XOR of all characters between the start delimiter and
 * {@code *}, sent as two hexadecimal digits after the {@code *}.
 */
final class Checksum {

    private Checksum() {
    }

    /**
     * Rejects the frame with kind BAD_CHECKSUM unless it ends in {@code *hh} with the right
     * value. Lower-case hex digits are accepted. A frame without {@code *hh} is rejected as
     * well, because NMEA 0183 requires the checksum, and without it a sentence corrupted on the
     * line cannot be distinguished from a valid one.
     */
    static void verify(SentenceFrame frame) throws SentenceException {
        String text = frame.text();
        int delimiter = frame.checksumDelimiterIndex();
        if (delimiter < 0) {
            throw new SentenceException(DeviceErrorKind.BAD_CHECKSUM,
                    "checksum is missing: the sentence does not end in *hh");
        }

        String sent = text.substring(delimiter + 1);
        int computed = compute(text, delimiter);
        if (sent.length() != 2 || Character.digit(sent.charAt(0), 16) < 0 || Character.digit(sent.charAt(1), 16) < 0) {
            throw new SentenceException(DeviceErrorKind.BAD_CHECKSUM, "checksum " + Excerpt.quote(sent)
                    + " is not two hexadecimal digits (computed " + String.format("%02X", computed) + ")");
        }
        int expected = Integer.parseInt(sent, 16);
        if (expected != computed) {
            throw new SentenceException(DeviceErrorKind.BAD_CHECKSUM, "checksum " + Excerpt.quote(sent)
                    + " does not match the computed " + String.format("%02X", computed));
        }
    }

    /** Returns the XOR of the characters after the start delimiter and before {@code end}. */
    static int compute(String sentence, int end) {
        int checksum = 0;
        for (int i = 1; i < end; i++) {
            checksum ^= sentence.charAt(i);
        }
        return checksum;
    }
}
