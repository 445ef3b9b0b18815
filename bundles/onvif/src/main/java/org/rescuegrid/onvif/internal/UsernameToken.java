package org.rescuegrid.onvif.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A WS-Security UsernameToken with a password digest, as the UsernameToken Profile 1.0 defines it:
 * Base64(SHA-1(nonce + created + password)), with the raw nonce bytes and the UTF-8 text of the
 * other two.
 */
public record UsernameToken(String username, String passwordDigest, String nonce, String created) {

    private static final int NONCE_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates a token with a fresh random nonce, stamped with the camera's time {@code created}. */
    public static UsernameToken create(String username, String password, Instant created) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String createdText = created.truncatedTo(ChronoUnit.MILLIS).toString();
        return new UsernameToken(username, digest(nonce, createdText, password),
                Base64.getEncoder().encodeToString(nonce), createdText);
    }

    /** Computes the password digest for a Base64 nonce, as a camera does when it checks a token. */
    public static String digest(String nonceBase64, String created, String password) {
        return digest(Base64.getDecoder().decode(nonceBase64), created, password);
    }

    private static String digest(byte[] nonce, String created, String password) {
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

    @Override
    public String toString() {
        return "UsernameToken[username=" + username + ", created=" + created + "]";
    }
}
