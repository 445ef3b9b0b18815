package org.rescuegrid.hq.dashboard.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading requests and writing replies on a platform-http exchange, shared by the pages and the API. */
final class HttpExchange {

    static final String SESSION_COOKIE = "RG_HQ_SESSION";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LOGIN_FORM = "send {\"user\": \"NAME\", \"password\": \"PASSWORD\"} with both fields non-empty";

    /** A user name and password from an {@code Authorization: Basic} header. */
    record BasicCredentials(String user, char[] password) {
    }

    private HttpExchange() {
    }

    /** Returns the request path without its query, for example "/hq/dashboard/app.js". */
    static String path(Exchange exchange) {
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null) {
            uri = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** Returns the path below a root such as "/hq/dashboard", without leading slash; null when the path is not below it. */
    static String below(String path, String root) {
        if (path.equals(root)) {
            return "";
        }
        return path.startsWith(root + "/") ? path.substring(root.length() + 1) : null;
    }

    /** Returns the decoded query parameters; a repeated name keeps its last value. */
    static Map<String, String> query(Exchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String part : query.split("&")) {
            String[] pair = part.split("=", 2);
            parameters.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8), pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    static String method(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "GET", String.class);
    }

    static Optional<String> cookie(Exchange exchange, String name) {
        String header = exchange.getMessage().getHeader("Cookie", String.class);
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals(name)) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    static Optional<BasicCredentials> basic(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads {@code {"user": .., "password": ..}}; empty when the body is not that or a field is blank. */
    /**
     * Reads a login body of the form {"user": "NAME", "password": "PASSWORD"}.
     *
     * @throws IllegalArgumentException saying whether the body is not JSON or which field is missing
     */
    static BasicCredentials loginBody(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the login body is not valid JSON (" + e.getOriginalMessage() + "); " + LOGIN_FORM);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the login body must be a JSON object; " + LOGIN_FORM);
        }
        String user = root.path("user").asText("").strip();
        String password = root.path("password").asText("");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("field 'user' is missing or empty; " + LOGIN_FORM);
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("field 'password' is missing or empty; " + LOGIN_FORM);
        }
        return new BasicCredentials(user, password.toCharArray());
    }

    static void reply(Exchange exchange, int status, String contentType, Object body) {
        String method = method(exchange);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        exchange.getMessage().setBody("HEAD".equals(method) ? null : body);
    }

    static void json(Exchange exchange, int status, Object body) {
        reply(exchange, status, "application/json", body instanceof String ? body : MAPPER.valueToTree(body).toString());
    }

    static void error(Exchange exchange, int status, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        json(exchange, status, node.toString());
    }
}
