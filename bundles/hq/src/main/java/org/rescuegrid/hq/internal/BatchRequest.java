package org.rescuegrid.hq.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A batch upload as HQ validates it. Every rejection names the field, the value and the form expected,
 * because the reader is the operator of a province whose uplink is stuck on that batch.
 */
record BatchRequest(String province, String batchId, List<ReceivedRecord> records, ReportedBacklog backlog) {

    static final int MAX_RECORDS = 5000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    // Record types the district nodes write to their outbox. A new type must be added here before nodes send it.
    static final Set<String> RECORD_TYPES = new TreeSet<>(List.of("audit", "call", "call-reclassified", "compliance", "device-event",
            "driver-assignment", "driver-event", "incident", "incident-alert", "incident-assistance", "incident-outcome", "incident-step", "kpi",
            "position", "traffic"));

    /**
     * Parses and validates a request body.
     *
     * @throws InvalidBatchException naming what is wrong
     */
    static BatchRequest parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidBatchException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidBatchException("request body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidBatchException("request body must be a JSON object with province, batchId and records");
        }

        String province = text(root, "province", "request");
        String batchId = text(root, "batchId", "request");
        JsonNode records = root.get("records");
        if (records == null || !records.isArray()) {
            throw new InvalidBatchException("field 'records' is missing or not an array");
        }
        if (records.size() > MAX_RECORDS) {
            throw new InvalidBatchException("batch has " + records.size() + " records; send at most " + MAX_RECORDS + " per request");
        }

        List<ReceivedRecord> result = new ArrayList<>(records.size());
        List<InvalidBatchException.RecordRejection> rejections = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode node = records.get(i);
            try {
                result.add(record(node, "records[" + i + "]"));
            } catch (InvalidBatchException e) {
                JsonNode eventId = node.get("eventId");
                rejections.add(new InvalidBatchException.RecordRejection(i, eventId == null || !eventId.isTextual() ? null : eventId.asText(),
                        e.getMessage()));
            }
        }
        if (!rejections.isEmpty()) {
            throw new InvalidBatchException(rejections.size() + " of " + records.size() + " records are invalid, the first: "
                    + rejections.get(0).reason(), rejections);
        }
        return new BatchRequest(province, batchId, result, ReportedBacklog.from(root));
    }

    /**
     * Validates one record; {@code where} names it in the messages, for example {@code records[3]}.
     *
     * @throws InvalidBatchException naming what is wrong
     */
    static ReceivedRecord record(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidBatchException(where + " is not an object");
        }
        String sentId = text(node, "eventId", where);
        if (!EVENT_ID.matcher(sentId).matches()) {
            throw new InvalidBatchException(where + ".eventId '" + sentId + "' is invalid; expected a 36-character UUID");
        }
        // A UUID names the same id in either case, but HQ compares ids as text, so it stores them in lower case.
        String eventId = sentId.toLowerCase(Locale.ROOT);
        String type = text(node, "type", where);
        if (!RECORD_TYPE.matcher(type).matches()) {
            throw new InvalidBatchException(where + ".type '" + type + "' is invalid; expected a lower-case name such as position");
        }
        if (!RECORD_TYPES.contains(type)) {
            throw new InvalidBatchException(where + ".type '" + type + "' is unknown; expected one of " + String.join(", ", RECORD_TYPES));
        }
        String createdAt = text(node, "createdAt", where);
        Instant created;
        try {
            created = Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw new InvalidBatchException(where + ".createdAt '" + createdAt + "' is invalid; expected an ISO-8601 UTC time such as 2026-12-04T10:15:30Z");
        }
        PayloadFields.checkRange(created, "createdAt", where);
        JsonNode payload = node.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new InvalidBatchException(where + ".payload is missing or not an object");
        }
        return new ReceivedRecord(eventId, type, created, payload);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidBatchException(where + " field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
