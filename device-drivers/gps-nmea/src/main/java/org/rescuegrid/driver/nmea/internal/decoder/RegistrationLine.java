package org.rescuegrid.driver.nmea.internal.decoder;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parser for the line some trackers send on connect to identify themselves, such as
 * {@code $RGREG,VAN-017*hh} with prefix {@code $RGREG,} or {@code ID=VAN-017} with prefix
 * {@code ID=}. The device id is the text after the prefix up to {@code *} or the end of the
 * line, without surrounding blanks.
 *
 * <p>NOTE: a checksum after {@code *} is not verified, because the prefix may belong to a
 * format that has none. A corrupted id is still caught when it breaks the allowed id form.
 */
public final class RegistrationLine {

    /** Accepted device ids: 1 to 64 letters, digits, '.', '_', ':' or '-'. */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String prefix;

    /** Creates a parser for lines that start with {@code prefix}, which must not be empty. */
    public RegistrationLine(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("registration prefix must not be empty");
        }
        this.prefix = prefix;
    }

    /**
     * Parses {@code line} if it starts with the prefix. Returns empty when it does not (so the
     * caller passes it on to the NMEA decoder), otherwise the id or the reason it was rejected.
     * Throws nothing for any line content.
     */
    public Optional<Registration> parse(String line) {
        if (line == null || !line.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = line.substring(prefix.length());
        int checksumDelimiter = rest.indexOf('*');
        String id = (checksumDelimiter < 0 ? rest : rest.substring(0, checksumDelimiter)).strip();
        if (!DEVICE_ID.matcher(id).matches()) {
            return Optional.of(new Registration.Rejected("device id " + Excerpt.quote(id) + " after prefix "
                    + Excerpt.quote(prefix) + " is invalid: expected 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'"));
        }
        return Optional.of(new Registration.Accepted(id));
    }

    /** Outcome of a line that starts with the registration prefix. */
    public sealed interface Registration {

        record Accepted(String deviceId) implements Registration {
        }

        /** @param reason names the rejected value and the accepted form */
        record Rejected(String reason) implements Registration {
        }
    }
}
