package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Copies an audit record of a district node into hq_audit with every field as the node hashed it, so that
 * {@link HqAuditComponent} can check the chain with the node's own rule. The record's payload names its
 * source by label ({@code console}); the hash uses the constant's name ({@code CONSOLE}).
 */
final class AuditProjection {

    static final String TYPE = "audit";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SOURCE = Pattern.compile("[a-z]{1,16}");

    private AuditProjection() {
    }

    static void project(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "audit record " + record.eventId();
        JsonNode seq = payload.get("seq");
        if (seq == null || !seq.canConvertToLong() || seq.asLong() < 1) {
            throw new InvalidBatchException(where + " has no positive integer field 'seq'");
        }
        String source = PayloadFields.requiredText(payload, "source", where);
        if (!SOURCE.matcher(source).matches()) {
            throw new InvalidBatchException(where + " field 'source' value '" + source + "' is not a lower-case label such as console");
        }
        JsonNode targets = payload.get("targets");
        if (targets == null || !targets.isArray()) {
            throw new InvalidBatchException(where + " has no 'targets' array");
        }
        List<String> targetIds = new ArrayList<>();
        targets.forEach(target -> targetIds.add(target.asText()));
        // The node sends each audit record with the record's own event id, which its hash covers.
        String eventId = PayloadFields.requiredId(payload, "eventId", where);
        if (!eventId.equals(record.eventId())) {
            throw new InvalidBatchException(where + " names event id '" + eventId + "' in its payload; the two must be equal");
        }
        Instant recordedAt = PayloadFields.instant(payload, "recordedAt", where);

        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_audit (event_id, province, seq, recorded_at, actor, source,"
                + " remote_address, action, targets, before_summary, after_summary, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.eventId());
            insert.setString(2, province);
            insert.setLong(3, seq.asLong());
            Jdbc.setInstant(insert, 4, recordedAt);
            insert.setString(5, PayloadFields.requiredText(payload, "actor", where));
            insert.setString(6, source.toUpperCase(Locale.ROOT));
            insert.setString(7, optionalText(payload, "remoteAddress"));
            insert.setString(8, PayloadFields.requiredText(payload, "action", where));
            insert.setString(9, String.join(",", targetIds));
            insert.setString(10, optionalText(payload, "before"));
            insert.setString(11, optionalText(payload, "after"));
            insert.setString(12, hash(payload, "previousHash", where));
            insert.setString(13, hash(payload, "hash", where));
            insert.executeUpdate();
        }
    }

    private static String optionalText(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String hash(JsonNode payload, String field, String where) {
        String value = PayloadFields.requiredText(payload, field, where);
        if (!HASH.matcher(value).matches()) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + value + "' is not 64 lower-case hex digits");
        }
        return value;
    }
}
