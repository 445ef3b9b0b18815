package org.rescuegrid.hq.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and validates the two reconciliation requests. A summary is
 * {@code {"province":..,"day":"2026-12-04","types":[{"type":..,"count":..,"digest":..}]}}; a chunk of ids is
 * {@code {"province":..,"runId":..,"day":..,"type":..,"ids":[..],"last":true|false}}; an audit chain head is
 * {@code {"province":..,"day":..,"records":..,"lastSeq":..,"lastHash":..|null}}. Every rejection is an
 * {@link IllegalArgumentException} naming the field, the value and the accepted form.
 */
final class ReconciliationRequest {

    /** Most ids one chunk may carry. */
    static final int MAX_IDS = 5000;
    static final int MAX_TYPES = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private ReconciliationRequest() {
    }

    /** A parsed summary request. */
    record Summary(String province, LocalDate day, List<HqReconciliation.TypeSummary> types) {
    }

    /** A parsed chunk of ids. */
    record Chunk(String province, String runId, LocalDate day, String type, List<String> ids, boolean last) {
    }

    /** A parsed audit chain head; lastHash is null for an empty chain. */
    record AuditChain(String province, LocalDate day, long records, long lastSeq, String lastHash) {
    }

    static AuditChain auditChain(String body) {
        JsonNode root = object(body);
        long records = count(root, "records");
        long lastSeq = count(root, "lastSeq");
        JsonNode hash = root.get("lastHash");
        String lastHash = hash == null || hash.isNull() ? null : hash.asText();
        if (lastSeq > 0 && (lastHash == null || !HASH.matcher(lastHash).matches())) {
            throw new IllegalArgumentException("lastHash '" + lastHash + "' is invalid; expected the 64 lower-case hex digits of record "
                    + lastSeq + "'s hash");
        }
        return new AuditChain(text(root, "province", "request"), day(root), records, lastSeq, lastSeq == 0 ? null : lastHash);
    }

    private static long count(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("field '" + field + "' is missing or negative; send a whole number from 0");
        }
        return value.asLong();
    }

    static Summary summary(String body) {
        JsonNode root = object(body);
        JsonNode types = root.get("types");
        if (types == null || !types.isArray() || types.isEmpty() || types.size() > MAX_TYPES) {
            throw new IllegalArgumentException("field 'types' must be an array of 1 to " + MAX_TYPES + " objects with type, count and digest");
        }
        List<HqReconciliation.TypeSummary> result = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            JsonNode item = types.get(i);
            String where = "types[" + i + "]";
            String type = recordType(text(item, "type", where), where);
            JsonNode count = item.get("count");
            if (count == null || !count.canConvertToLong() || count.asLong() < 0) {
                throw new IllegalArgumentException(where + ".count is missing or negative; send the number of records of the day");
            }
            String digest = text(item, "digest", where);
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException(where + ".digest '" + digest + "' is invalid; expected 16 lower-case hex digits");
            }
            result.add(new HqReconciliation.TypeSummary(type, count.asLong(), digest));
        }
        return new Summary(text(root, "province", "request"), day(root), result);
    }

    static Chunk chunk(String body) {
        JsonNode root = object(body);
        String runId = text(root, "runId", "request");
        if (!EVENT_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("runId '" + runId + "' is invalid; send the runId HQ returned for the summary");
        }
        JsonNode ids = root.get("ids");
        if (ids == null || !ids.isArray() || ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("field 'ids' must be an array of at most " + MAX_IDS + " event ids");
        }
        List<String> result = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isTextual() || !EVENT_ID.matcher(id.asText()).matches()) {
                throw new IllegalArgumentException("ids[" + i + "] '" + id + "' is invalid; expected a 36-character UUID");
            }
            result.add(id.asText());
        }
        JsonNode last = root.get("last");
        if (last == null || !last.isBoolean()) {
            throw new IllegalArgumentException("field 'last' is missing or not true/false");
        }
        String type = recordType(text(root, "type", "request"), "request");
        return new Chunk(text(root, "province", "request"), runId, day(root), type, result, last.asBoolean());
    }

    private static JsonNode object(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        return root;
    }

    private static LocalDate day(JsonNode root) {
        String day = text(root, "day", "request");
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("day '" + day + "' is invalid; expected a UTC date such as 2026-12-04");
        }
    }

    private static String recordType(String type, String where) {
        if (!RECORD_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(where + ".type '" + type + "' is invalid; expected a lower-case name such as position");
        }
        return type;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
