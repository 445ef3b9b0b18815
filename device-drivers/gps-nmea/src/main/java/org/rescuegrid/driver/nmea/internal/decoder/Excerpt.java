package org.rescuegrid.driver.nmea.internal.decoder;

/**
 * Quoting of untrusted device input for rejection reasons. The caller logs those reasons, so
 * control characters are escaped (no forged log lines) and long values are cut.
 */
final class Excerpt {

    /** Maximum number of input characters copied into a reason. Longer values are cut and marked. */
    static final int MAX_CHARS = 100;

    private Excerpt() {
    }

    /** Returns {@code value} in single quotes, with non-printable characters as {@code \xNN}. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_CHARS) + 8);
        quoted.append('\'');
        int end = Math.min(value.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                quoted.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                quoted.append(c);
            } else if (c <= 0xFF) {
                quoted.append(String.format("\\x%02X", (int) c));
            } else {
                quoted.append(String.format("\\u%04X", (int) c));
            }
        }
        quoted.append('\'');
        if (value.length() > MAX_CHARS) {
            quoted.append("... (").append(value.length()).append(" characters)");
        }
        return quoted.toString();
    }
}
