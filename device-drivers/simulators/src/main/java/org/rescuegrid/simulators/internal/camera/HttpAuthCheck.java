package org.rescuegrid.simulators.internal.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP authentication of snapshot requests: Basic, or Digest with MD5 and qop=auth (RFC 7616).
 * The camera remembers the last {@link #MAX_NONCES} nonces it issued and accepts any of them.
 */
final class HttpAuthCheck {

    static final String REALM = "RescueGrid camera";
    static final int MAX_NONCES = 64;

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private final Deque<String> nonces = new ArrayDeque<>();

    HttpAuthCheck(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** Returns true when the Authorization header carries valid Basic or Digest credentials. */
    boolean accepts(String method, String requestUri, String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String expected = Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return authorization.substring(6).strip().equals(expected);
        }
        if (authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return acceptsDigest(method, requestUri, parameters(authorization.substring(7)));
        }
        return false;
    }

    /** Returns the WWW-Authenticate challenge with a fresh nonce. */
    synchronized String challenge() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        if (nonces.size() == MAX_NONCES) {
            nonces.removeFirst();
        }
        nonces.addLast(nonce);
        return "Digest realm=\"" + REALM + "\", qop=\"auth\", algorithm=MD5, nonce=\"" + nonce + "\"";
    }

    private boolean acceptsDigest(String method, String requestUri, Map<String, String> fields) {
        String nonce = fields.get("nonce");
        synchronized (this) {
            if (nonce == null || !nonces.contains(nonce)) {
                return false;
            }
        }
        if (!username.equals(fields.get("username")) || !REALM.equals(fields.get("realm"))
                || !requestUri.equals(fields.get("uri"))) {
            return false;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + requestUri);
        String expected = "auth".equals(fields.get("qop"))
                ? md5(ha1 + ":" + nonce + ":" + fields.get("nc") + ":" + fields.get("cnonce") + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        return expected.equals(fields.get("response"));
    }

    static Map<String, String> parameters(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return fields;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
