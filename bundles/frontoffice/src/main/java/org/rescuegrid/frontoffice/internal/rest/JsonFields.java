package org.rescuegrid.frontoffice.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.rescuegrid.frontoffice.rest.ApiException;
import org.rescuegrid.frontoffice.rest.RequestJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON object request body. Every rejection is a 400 that names the field and the
 * accepted form, so a client can fix its request without reading the code.
 */
final class JsonFields {

    private final JsonNode node;

    private JsonFields(JsonNode node) {
        this.node = node;
    }

    /**
     * Parses a body that must be a JSON object with no fields beyond {@code accepted}. An empty body is an
     * empty object, for requests whose fields are all optional.
     */
    static JsonFields parse(String body, List<String> accepted) {
        JsonNode node;
        if (body == null || body.isBlank()) {
            node = RequestJson.emptyObject();
        } else {
            try {
                node = RequestJson.read(body);
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("body is not valid JSON (" + e.getOriginalMessage() + "); send a JSON object with the fields "
                        + String.join(", ", accepted));
            }
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body must be a JSON object with the fields " + String.join(", ", accepted));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!accepted.contains(name)) {
                throw ApiException.badRequest("field '" + name + "' is unknown; accepted fields are " + String.join(", ", accepted));
            }
        }
        return new JsonFields(node);
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Returns a text field, stripped, or null when it is absent, null or blank. */
    String text(String field, int maxLength) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw invalid(field, value, "a JSON string");
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            throw ApiException.badRequest("field '" + field + "' has " + text.length() + " characters; send at most " + maxLength);
        }
        return text.isEmpty() ? null : text;
    }

    String requiredText(String field, int maxLength, String example) {
        String text = text(field, maxLength);
        if (text == null) {
            throw ApiException.badRequest("field '" + field + "' is missing; send a string such as " + example);
        }
        return text;
    }

    /** Returns a whole number in {@code [min, max]}, or {@code absent} when the field is absent or null. */
    Integer integer(String field, int min, int max, Integer absent) {
        if (!has(field)) {
            return absent;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw invalid(field, value, "a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    int requiredInteger(String field, int min, int max) {
        Integer value = integer(field, min, max, null);
        if (value == null) {
            throw ApiException.badRequest("field '" + field + "' is missing; send a whole number from " + min + " to " + max);
        }
        return value;
    }

    Double number(String field, double min, double max) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw invalid(field, value, "a number from " + min + " to " + max);
        }
        return value.asDouble();
    }

    boolean bool(String field) {
        if (!has(field)) {
            return false;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw invalid(field, value, "true or false");
        }
        return value.asBoolean();
    }

    /** Returns an ISO-8601 UTC time, or null when the field is absent. */
    Instant instant(String field) {
        String text = text(field, 40);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, node.get(field), "an ISO-8601 UTC time such as \"2026-12-04T10:07:00Z\"");
        }
    }

    /**
     * Returns a value parsed by one of the front office's parsers, or null when the field is absent. The
     * parsers' messages already list the accepted values; the field name is put in front.
     */
    <T> T parsed(String field, Function<String, T> parser) {
        String text = text(field, 64);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field '" + field + "': " + e.getMessage());
        }
    }

    <T> T requiredParsed(String field, Function<String, T> parser, String example) {
        T value = parsed(field, parser);
        if (value == null) {
            throw ApiException.badRequest("field '" + field + "' is missing; send a string such as " + example);
        }
        return value;
    }

    private static ApiException invalid(String field, JsonNode value, String accepted) {
        String json = value.toString();
        if (json.length() > 60) {
            json = json.substring(0, 60) + "...";
        }
        return ApiException.badRequest("field '" + field + "' value " + json + " is invalid; send " + accepted);
    }
}
