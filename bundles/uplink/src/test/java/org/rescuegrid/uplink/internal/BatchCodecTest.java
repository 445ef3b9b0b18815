package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.outbox.OutboxRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BatchCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT_1 = "3f2b8c1e-6a0d-4c57-9a43-0d7e5b1f2a61";
    private static final String EVENT_2 = "9d4e7f20-1b3c-4e8a-b6d5-2c9f0a7e4b18";
    private static final String PAYLOAD_1 = "{\"eventId\":\"" + EVENT_1 + "\",\"vehicleId\":\"AMB-LHR-101\","
            + "\"fix\":{\"deviceId\":\"TRK-LHR-01\",\"fixTime\":\"2026-12-04T10:15:30Z\",\"latitude\":31.5204,"
            + "\"longitude\":74.3587,\"speedKmh\":null,\"valid\":true},\"receivedAt\":\"2026-12-04T10:15:31.125Z\"}";
    private static final String PAYLOAD_2 = "{\"note\":\"quote \\\" and unicode \\u00e9\",\"list\":[1,2]}";

    private static List<OutboxRecord> records() {
        return List.of(
                new OutboxRecord(41, EVENT_1, "position", Instant.parse("2026-12-04T10:15:31.125Z"), PAYLOAD_1),
                new OutboxRecord(42, EVENT_2, "status", Instant.parse("2026-12-04T10:15:32Z"), PAYLOAD_2));
    }

    @Test
    void encodeWritesEnvelope() throws Exception {
        JsonNode batch = MAPPER.readTree(BatchCodec.encode("PB-LHR", "batch-7", records()));

        assertEquals("PB-LHR", batch.path("province").asText());
        assertEquals("batch-7", batch.path("batchId").asText());
        assertEquals(2, batch.path("records").size());
    }

    @Test
    void encodeWritesRecordFields() throws Exception {
        JsonNode record = MAPPER.readTree(BatchCodec.encode("PB-LHR", "batch-7", records())).path("records").get(0);

        assertEquals(EVENT_1, record.path("eventId").asText());
        assertEquals("position", record.path("type").asText());
        assertEquals("2026-12-04T10:15:31.125Z", record.path("createdAt").asText());
    }

    @Test
    void encodeEmbedsPayloadAsObject() throws Exception {
        JsonNode records = MAPPER.readTree(BatchCodec.encode("PB-LHR", "batch-7", records())).path("records");

        JsonNode first = records.get(0).path("payload");
        assertTrue(first.isObject(), "payload must be a JSON object, not a string: " + first);
        assertEquals(MAPPER.readTree(PAYLOAD_1), first);
        assertEquals(MAPPER.readTree(PAYLOAD_2), records.get(1).path("payload"));
    }

    @Test
    void encodeEmptyBatch() throws Exception {
        JsonNode batch = MAPPER.readTree(BatchCodec.encode("PB-LHR", "batch-8", List.of()));

        assertTrue(batch.path("records").isArray());
        assertEquals(0, batch.path("records").size());
    }

    @Test
    void acceptedIdsRead() {
        String response = "{\"batchId\":\"batch-7\",\"accepted\":[\"" + EVENT_1 + "\",\"" + EVENT_2 + "\"],\"duplicates\":1}";

        assertEquals(Set.of(EVENT_1, EVENT_2), BatchCodec.acceptedEventIds(response));
    }

    @Test
    void emptyAcceptedList() {
        assertEquals(Set.of(), BatchCodec.acceptedEventIds("{\"batchId\":\"batch-7\",\"accepted\":[],\"duplicates\":0}"));
    }

    @Test
    void nonJsonResponseQuoted() {
        String response = "<html><body>502 Bad Gateway</body></html>";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchCodec.acceptedEventIds(response));

        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertTrue(e.getMessage().contains(response), e.getMessage());
    }

    @Test
    void missingAcceptedListQuoted() {
        String response = "{\"error\":\"missing or unknown token\"}";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchCodec.acceptedEventIds(response));

        assertTrue(e.getMessage().contains("no 'accepted' list"), e.getMessage());
        assertTrue(e.getMessage().contains(response), e.getMessage());
    }

    @Test
    void acceptedNotListRejected() {
        String response = "{\"accepted\":\"" + EVENT_1 + "\"}";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchCodec.acceptedEventIds(response));

        assertTrue(e.getMessage().contains(response), e.getMessage());
    }

    @Test
    void jsonArrayResponseRejected() {
        String response = "[\"" + EVENT_1 + "\"]";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchCodec.acceptedEventIds(response));

        assertTrue(e.getMessage().contains("no 'accepted' list"), e.getMessage());
    }

    @Test
    void emptyResponseRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchCodec.acceptedEventIds(""));

        assertTrue(e.getMessage().startsWith("HQ response"), e.getMessage());
    }

    @Test
    void longResponseAbbreviated() {
        String response = "x".repeat(500);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchCodec.acceptedEventIds(response));

        assertTrue(e.getMessage().endsWith("x".repeat(200) + "..."), e.getMessage());
        assertFalse(e.getMessage().contains("x".repeat(201)), "only the first 200 characters are quoted");
    }

    @Test
    void encodeWritesBacklog() throws Exception {
        Backlog backlog = new Backlog(1200, Instant.parse("2026-12-04T10:15:31.125Z"), 95);

        JsonNode written = MAPPER.readTree(BatchCodec.encode("PB-LHR", "batch-9", records(), backlog)).path("backlog");

        assertEquals(1200, written.path("rows").asLong());
        assertEquals("2026-12-04T10:15:31.125Z", written.path("oldestCreatedAt").asText());
        assertEquals(95, written.path("oldestAgeSeconds").asLong());
    }

    @Test
    void encodeRecordWritesBacklog() throws Exception {
        Backlog backlog = new Backlog(0, Instant.parse("2026-12-04T10:15:31.125Z"), 2);

        JsonNode message = MAPPER.readTree(BatchCodec.encodeRecord("PB-LHR", records().get(0), backlog));

        assertEquals(0, message.path("backlog").path("rows").asLong());
        assertEquals(2, message.path("backlog").path("oldestAgeSeconds").asLong());
        assertEquals(EVENT_1, message.path("eventId").asText());
    }

    @Test
    void encodeWithoutBacklogOmitsField() throws Exception {
        JsonNode batch = MAPPER.readTree(BatchCodec.encode("PB-LHR", "batch-10", records()));

        assertFalse(batch.has("backlog"));
    }
}
