package org.rescuegrid.hq.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads fields of a record payload; a missing or malformed field rejects the batch with the record's id. */
final class PayloadFields {

    private PayloadFields() {
    }

    static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidBatchException(where + " has no text field '" + field + "'");
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode node, String field, String where) {
        String text = requiredText(node, field, where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + text + "' is not an ISO-8601 UTC time");
        }
    }
}
