package org.rescuegrid.onvif.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Computes the response to an HTTP Digest challenge with MD5, with qop=auth when the server offers it (RFC 7616). */
public final class HttpDigest {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpDigest() {
    }

    /** Returns the first Digest challenge among WWW-Authenticate header values, as its parameters. */
    public static Optional<Map<String, String>> challenge(List<String> wwwAuthenticate) {
        for (String value : wwwAuthenticate) {
            if (value.regionMatches(true, 0, "Digest ", 0, 7)) {
                return Optional.of(parameters(value.substring(7)));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the Authorization header value for a request.
     *
     * @param requestUri the path and query as sent in the request line
     */
    public static String authorization(Map<String, String> challenge, String method, String requestUri, String username,
            String password) {
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.getOrDefault("nonce", "");
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        boolean qopAuth = List.of(challenge.getOrDefault("qop", "").toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + requestUri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(requestUri)
                .append("\", algorithm=").append(algorithm);
        if (qopAuth) {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            String cnonce = HexFormat.of().formatHex(bytes);
            String nc = "00000001";
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce)
                    .append("\", response=\"").append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            header.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (challenge.containsKey("opaque")) {
            header.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return header.toString();
    }

    static Map<String, String> parameters(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            fields.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return fields;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
