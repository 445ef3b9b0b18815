package org.rescuegrid.frontoffice.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** User name and password of an {@code Authorization: Basic} header (RFC 7617). */
record BasicCredentials(String user, String password) {

    /** Returns the credentials of the header, or empty when it is missing, of another scheme or malformed. */
    static Optional<BasicCredentials> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
