package org.rescuegrid.hq.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provinces HQ accepts feeds from, each with its token, read from configuration keys
 * {@code province.<CODE>.token}. A feed whose token matches no province is rejected.
 */
final class ProvinceTokens {

    static final String PID = "org.rescuegrid.hq";
    private static final Pattern KEY = Pattern.compile("province\\.([A-Za-z0-9._-]{1,32})\\.token");

    private final Map<String, byte[]> tokens;

    private ProvinceTokens(Map<String, byte[]> tokens) {
        this.tokens = tokens;
    }

    static ProvinceTokens from(Map<String, ?> properties) {
        Map<String, byte[]> tokens = new TreeMap<>();
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            Matcher key = KEY.matcher(entry.getKey());
            if (!key.matches()) {
                if (entry.getKey().startsWith("province.")) {
                    throw new IllegalArgumentException(PID + ": key '" + entry.getKey()
                            + "' is invalid; write province.CODE.token with a code of 1-32 letters, digits, '.', '_' or '-'");
                }
                continue;
            }
            String token = String.valueOf(entry.getValue()).strip();
            if (token.startsWith("$[")) {
                throw new IllegalArgumentException(PID + ": " + entry.getKey() + " is the unresolved placeholder '" + token
                        + "'; create the secret file it names in the node's etc folder");
            }
            if (token.length() < 16) {
                throw new IllegalArgumentException(PID + ": " + entry.getKey() + " is " + token.length()
                        + " characters long; issue the province a token of at least 16 characters");
            }
            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> other : tokens.entrySet()) {
                if (MessageDigest.isEqual(other.getValue(), bytes)) {
                    throw new IllegalArgumentException(PID + ": provinces " + other.getKey() + " and " + key.group(1)
                            + " have the same token; issue each province a token of its own, so HQ can tell their feeds apart");
                }
            }
            tokens.put(key.group(1), bytes);
        }
        return new ProvinceTokens(tokens);
    }

    /** Returns the province a bearer token belongs to. Comparison takes the same time whatever the token. */
    Optional<String> provinceOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, byte[]> entry : tokens.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    int size() {
        return tokens.size();
    }

    Iterable<String> provinces() {
        return tokens.keySet();
    }
}
