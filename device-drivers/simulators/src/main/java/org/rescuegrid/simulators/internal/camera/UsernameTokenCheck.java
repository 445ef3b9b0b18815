package org.rescuegrid.simulators.internal.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a WS-Security UsernameToken with a password digest as cameras do: the user name must
 * match, Base64(SHA-1(nonce + created + password)) must equal the digest, and Created must lie
 * within {@link #MAX_SKEW} of the camera's clock.
 */
final class UsernameTokenCheck {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private UsernameTokenCheck() {
    }

    /** Returns empty when the token is accepted, or the reason it is rejected. */
    static Optional<String> reject(RequestXml request, String username, String password, Instant cameraNow) {
        Optional<String> user = request.text("Username");
        Optional<String> digest = request.text("Password");
        Optional<String> nonce = request.text("Nonce");
        Optional<String> created = request.text("Created");
        if (user.isEmpty() || digest.isEmpty() || nonce.isEmpty() || created.isEmpty()) {
            return Optional.of("no UsernameToken with Username, Password, Nonce and Created");
        }
        if (!user.get().equals(username)) {
            return Optional.of("unknown user " + user.get());
        }
        Instant createdTime;
        try {
            createdTime = OffsetDateTime.parse(created.get()).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.of("invalid Created " + created.get());
        }
        if (Duration.between(createdTime, cameraNow).abs().compareTo(MAX_SKEW) > 0) {
            return Optional.of("Created " + created.get() + " is more than 5 minutes from the camera's clock " + cameraNow);
        }
        byte[] nonceBytes;
        try {
            nonceBytes = Base64.getDecoder().decode(nonce.get());
        } catch (IllegalArgumentException e) {
            return Optional.of("Nonce is not Base64");
        }
        if (!digest(nonceBytes, created.get(), password).equals(digest.get())) {
            return Optional.of("password digest does not match");
        }
        return Optional.empty();
    }

    static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }
}
