package org.rescuegrid.hq.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads fields of a record payload; a missing or malformed field rejects the batch with the record's id. */
final class PayloadFields {

    private PayloadFields() {
    }

    /** Longest id HQ's columns take, the same limit the province applies to device and vehicle ids. */
    static final int MAX_ID_LENGTH = 64;
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidBatchException(where + " has no text field '" + field + "'");
        }
        return value.asText();
    }

    /** Returns an id field, rejecting one longer than HQ's columns take. */
    static String requiredId(JsonNode node, String field, String where) {
        return checkLength(requiredText(node, field, where), field, where);
    }

    /** Returns an optional id field or null, rejecting one longer than HQ's columns take. */
    static String optionalId(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : checkLength(value.asText(), field, where);
    }

    private static String checkLength(String value, String field, String where) {
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidBatchException(where + " field '" + field + "' is " + value.length() + " characters long; the limit is " + MAX_ID_LENGTH);
        }
        return value;
    }

    static Instant instant(JsonNode node, String field, String where) {
        String text = requiredText(node, field, where);
        Instant value;
        try {
            value = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + text + "' is not an ISO-8601 UTC time");
        }
        checkRange(value, field, where);
        return value;
    }

    /** Rejects a time outside the years 1 to 9999, which Derby's TIMESTAMP columns cannot store. */
    static void checkRange(Instant value, String field, String where) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + value + "' is out of range; HQ accepts times from "
                    + EARLIEST + " to " + LATEST);
        }
    }
}
