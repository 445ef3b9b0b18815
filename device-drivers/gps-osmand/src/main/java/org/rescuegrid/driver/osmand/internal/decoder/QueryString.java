package org.rescuegrid.driver.osmand.internal.decoder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} text, the form of query strings and form bodies. */
public final class QueryString {

    private QueryString() {
    }

    /**
     * Returns the parameters of a query string or form body, names in lower case; a repeated parameter
     * keeps its last value.
     *
     * @throws InvalidParameterException when a name or value is not valid percent-encoding
     */
    public static Map<String, String> parse(String text) throws InvalidParameterException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), pair);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), pair);
            parameters.put(name.toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    private static String decode(String text, String pair) throws InvalidParameterException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("query", "'" + pair + "' is not valid percent-encoding: " + e.getMessage());
        }
    }
}
