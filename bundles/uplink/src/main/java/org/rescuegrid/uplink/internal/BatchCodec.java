package org.rescuegrid.uplink.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rescuegrid.api.outbox.OutboxRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a batch request and reads HQ's confirmation. A request is
 * {@code {"province":..,"batchId":..,"backlog":{..},"records":[{"eventId":..,"type":..,"createdAt":..,"payload":{..}}]}},
 * where {@code backlog} is {@code {"rows":..,"oldestCreatedAt":..,"oldestAgeSeconds":..}} (see {@link Backlog});
 * the confirmation lists in {@code accepted} the event ids HQ has committed, including those it already had.
 * A 400 response for invalid records lists them in {@code rejected} as {@code {"index":..,"eventId":..,"reason":..}}.
 */
final class BatchCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private BatchCodec() {
    }

    static String encode(String province, String batchId, List<OutboxRecord> records) {
        return encode(province, batchId, records, null);
    }

    /** Writes a batch request that reports the outbox backlog, or none when {@code backlog} is null. */
    static String encode(String province, String batchId, List<OutboxRecord> records, Backlog backlog) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("province", province);
            json.writeStringField("batchId", batchId);
            writeBacklog(json, backlog);
            json.writeArrayFieldStart("records");
            for (OutboxRecord record : records) {
                json.writeStartObject();
                json.writeStringField("eventId", record.eventId());
                json.writeStringField("type", record.recordType());
                json.writeStringField("createdAt", record.createdAt().toString());
                // The payload was written as JSON by the store of this node, so it is embedded as it is.
                json.writeFieldName("payload");
                json.writeRawValue(record.payload());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("batch " + batchId + " could not be written as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    static String encodeRecord(String province, OutboxRecord record) {
        return encodeRecord(province, record, null);
    }

    /**
     * Writes one record as the value of a Kafka message:
     * {@code {"province":..,"backlog":{..},"eventId":..,"type":..,"createdAt":..,"payload":{..}}}. Every message
     * carries the backlog of its batch, because HQ may consume any of them last.
     */
    static String encodeRecord(String province, OutboxRecord record, Backlog backlog) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("province", province);
            writeBacklog(json, backlog);
            json.writeStringField("eventId", record.eventId());
            json.writeStringField("type", record.recordType());
            json.writeStringField("createdAt", record.createdAt().toString());
            json.writeFieldName("payload");
            json.writeRawValue(record.payload());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("event " + record.eventId() + " could not be written as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void writeBacklog(JsonGenerator json, Backlog backlog) throws IOException {
        if (backlog == null) {
            return;
        }
        json.writeObjectFieldStart("backlog");
        json.writeNumberField("rows", backlog.rows());
        json.writeStringField("oldestCreatedAt", backlog.oldestCreatedAt().toString());
        json.writeNumberField("oldestAgeSeconds", backlog.oldestAgeSeconds());
        json.writeEndObject();
    }

    /**
     * Returns the event ids HQ confirmed.
     *
     * @throws IllegalArgumentException when the response is not a confirmation
     */
    static Set<String> acceptedEventIds(String response) {
        if (response == null || response.isBlank()) {
            throw new IllegalArgumentException("HQ response is empty; expected JSON with an 'accepted' list");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(response);
        } catch (IOException e) {
            throw new IllegalArgumentException("HQ response is not JSON: " + abbreviate(response), e);
        }
        JsonNode accepted = root == null ? null : root.get("accepted");
        if (accepted == null || !accepted.isArray()) {
            throw new IllegalArgumentException("HQ response has no 'accepted' list: " + abbreviate(response));
        }
        Set<String> ids = new HashSet<>();
        accepted.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** A record HQ rejected for its content: its index in the batch sent, its event id and HQ's reason. */
    record Rejection(int index, String eventId, String reason) {
    }

    /**
     * Returns the records a 400 response rejects, or an empty list when the response rejects the batch
     * as a whole or is not JSON.
     */
    static List<Rejection> rejectedRecords(String response) {
        JsonNode root;
        try {
            root = response == null || response.isBlank() ? null : MAPPER.readTree(response);
        } catch (IOException e) {
            return List.of();
        }
        JsonNode rejected = root == null ? null : root.get("rejected");
        if (rejected == null || !rejected.isArray()) {
            return List.of();
        }
        List<Rejection> result = new ArrayList<>();
        for (JsonNode item : rejected) {
            JsonNode index = item.get("index");
            if (index == null || !index.canConvertToInt()) {
                continue;
            }
            JsonNode eventId = item.get("eventId");
            JsonNode reason = item.get("reason");
            result.add(new Rejection(index.intValue(), eventId == null || eventId.isNull() ? null : eventId.asText(),
                    reason == null || reason.isNull() ? null : reason.asText()));
        }
        return result;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(empty)";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
