package org.rescuegrid.frontoffice.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a query string, each given at most once and each one the endpoint accepts. */
public final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParameters parse(String query, List<String> accepted) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!accepted.contains(name)) {
                    throw ApiException.badRequest("query parameter '" + name + "' is unknown; accepted parameters are "
                            + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
                }
                if (values.put(name, value.strip()) != null) {
                    throw ApiException.badRequest("query parameter '" + name + "' is given twice; give it once");
                }
            }
        }
        return new QueryParameters(values);
    }

    /** Returns the value, or null when the parameter is absent or empty. */
    public String get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Returns whether the parameter was given, also when its value is empty. */
    public boolean given(String name) {
        return values.containsKey(name);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query string part '" + text + "' is not valid percent-encoding");
        }
    }
}
