package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class BatchRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT_1 = "3f2b8c1e-6a0d-4c57-9a43-0d7e5b1f2a61";
    private static final String EVENT_2 = "9d4e7f20-1b3c-4e8a-b6d5-2c9f0a7e4b18";

    private static ObjectNode record(String eventId) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("eventId", eventId);
        record.put("type", "position");
        record.put("createdAt", "2026-12-04T10:15:31.125Z");
        record.putObject("payload").putObject("fix").put("deviceId", "TRK-LHR-01");
        return record;
    }

    private static ObjectNode batch(ObjectNode... records) {
        ObjectNode batch = MAPPER.createObjectNode();
        batch.put("province", "PB-LHR");
        batch.put("batchId", "batch-7");
        ArrayNode array = batch.putArray("records");
        for (ObjectNode record : records) {
            array.add(record);
        }
        return batch;
    }

    private static InvalidBatchException rejection(String body) {
        return assertThrows(InvalidBatchException.class, () -> BatchRequest.parse(body));
    }

    @Test
    void validBatchParsed() {
        BatchRequest request = BatchRequest.parse(batch(record(EVENT_1), record(EVENT_2)).toString());

        assertEquals("PB-LHR", request.province());
        assertEquals("batch-7", request.batchId());
        assertEquals(2, request.records().size());
        ReceivedRecord first = request.records().get(0);
        assertEquals(EVENT_1, first.eventId());
        assertEquals("position", first.type());
        assertEquals(Instant.parse("2026-12-04T10:15:31.125Z"), first.createdAt());
        assertEquals("TRK-LHR-01", first.payload().path("fix").path("deviceId").asText());
        assertEquals(EVENT_2, request.records().get(1).eventId());
    }

    @Test
    void upperCaseEventIdLowered() {
        BatchRequest request = BatchRequest.parse(batch(record(EVENT_1.toUpperCase())).toString());

        assertEquals(EVENT_1, request.records().get(0).eventId());
    }

    @Test
    void unknownTypeRejectedPerRecord() {
        ObjectNode zebra = record(EVENT_2);
        zebra.put("type", "zebra");

        InvalidBatchException e = rejection(batch(record(EVENT_1), zebra).toString());

        assertEquals(1, e.rejections().size());
        assertEquals(1, e.rejections().get(0).index());
        assertEquals(EVENT_2, e.rejections().get(0).eventId());
        assertTrue(e.rejections().get(0).reason().startsWith("records[1].type 'zebra' is unknown; expected one of audit, call,"),
                e.rejections().get(0).reason());
    }

    @Test
    void createdAtOutOfRangeRejected() {
        ObjectNode far = record(EVENT_1);
        far.put("createdAt", "+999999-01-01T00:00:00Z");

        InvalidBatchException e = rejection(batch(far).toString());

        assertEquals("records[0] field 'createdAt' value '+999999-01-01T00:00:00Z' is out of range; HQ accepts times from"
                + " 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z", e.rejections().get(0).reason());
    }

    @Test
    void emptyRecordsAccepted() {
        assertEquals(0, BatchRequest.parse(batch().toString()).records().size());
    }

    @Test
    void maxRecordsAccepted() {
        ObjectNode batch = batch(Collections.nCopies(BatchRequest.MAX_RECORDS, record(EVENT_1)).toArray(ObjectNode[]::new));

        assertEquals(5000, BatchRequest.parse(batch.toString()).records().size());
    }

    @Test
    void tooManyRecordsRejected() {
        ObjectNode batch = batch(Collections.nCopies(BatchRequest.MAX_RECORDS + 1, record(EVENT_1)).toArray(ObjectNode[]::new));

        InvalidBatchException e = rejection(batch.toString());

        assertTrue(e.getMessage().contains("5001 records"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 5000"), e.getMessage());
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "province=PB-LHR", "request body is not valid JSON"),
                Arguments.of("truncated", "{\"province\":\"PB-LHR\",\"records\":[", "request body is not valid JSON"),
                Arguments.of("empty", "", "must be a JSON object"),
                Arguments.of("null", null, "must be a JSON object"),
                Arguments.of("array", "[]", "must be a JSON object"),
                Arguments.of("string", "\"batch\"", "must be a JSON object"),
                Arguments.of("no province", "{\"batchId\":\"b\",\"records\":[]}", "field 'province' is missing or not a string"),
                Arguments.of("numeric province", "{\"province\":7,\"batchId\":\"b\",\"records\":[]}", "field 'province'"),
                Arguments.of("blank batchId", "{\"province\":\"PB-LHR\",\"batchId\":\" \",\"records\":[]}", "field 'batchId'"),
                Arguments.of("no records", "{\"province\":\"PB-LHR\",\"batchId\":\"b\"}", "field 'records' is missing or not an array"),
                Arguments.of("records object", "{\"province\":\"PB-LHR\",\"batchId\":\"b\",\"records\":{}}", "field 'records'"),
                Arguments.of("record not object", "{\"province\":\"PB-LHR\",\"batchId\":\"b\",\"records\":[7]}", "records[0] is not an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodyRejected(String label, String body, String expected) {
        InvalidBatchException e = rejection(body);

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static Stream<Arguments> malformedRecords() {
        return Stream.of(
                Arguments.of("short eventId", change(r -> r.put("eventId", "3f2b8c1e")), "records[1].eventId '3f2b8c1e' is invalid"),
                Arguments.of("eventId not hex", change(r -> r.put("eventId", "zzzzzzzz-6a0d-4c57-9a43-0d7e5b1f2a61")),
                        "records[1].eventId 'zzzzzzzz-6a0d-4c57-9a43-0d7e5b1f2a61' is invalid"),
                Arguments.of("eventId missing", change(r -> r.remove("eventId")), "field 'eventId' is missing"),
                Arguments.of("type upper case", change(r -> r.put("type", "Position")), "records[1].type 'Position' is invalid"),
                Arguments.of("type with blank", change(r -> r.put("type", "po sition")), "records[1].type 'po sition' is invalid"),
                Arguments.of("type number", change(r -> r.put("type", 3)), "field 'type' is missing or not a string"),
                Arguments.of("createdAt local", change(r -> r.put("createdAt", "2026-12-04 10:15:31")),
                        "records[1].createdAt '2026-12-04 10:15:31' is invalid"),
                Arguments.of("createdAt word", change(r -> r.put("createdAt", "yesterday")), "records[1].createdAt 'yesterday' is invalid"),
                Arguments.of("payload string", change(r -> r.put("payload", "{\"fix\":{}}")), "records[1].payload is missing or not an object"),
                Arguments.of("payload array", change(r -> r.putArray("payload")), "records[1].payload is missing or not an object"),
                Arguments.of("payload missing", change(r -> r.remove("payload")), "records[1].payload is missing or not an object"));
    }

    private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
        return change;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void malformedRecordRejected(String label, Consumer<ObjectNode> change, String expected) {
        ObjectNode second = record(EVENT_2);
        change.accept(second);

        InvalidBatchException e = rejection(batch(record(EVENT_1), second).toString());

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void missingFieldNamesRecordIndex() {
        ObjectNode second = record(EVENT_2);
        second.remove("type");

        InvalidBatchException e = rejection(batch(record(EVENT_1), second).toString());

        assertTrue(e.getMessage().contains("records[1]"), e.getMessage());
    }

    @Test
    void invalidRecordsListedByIndex() {
        ObjectNode badId = record("not-a-uuid");
        ObjectNode noPayload = record(EVENT_2);
        noPayload.remove("payload");

        InvalidBatchException e = rejection(batch(record(EVENT_1), badId, noPayload).toString());

        assertEquals(2, e.rejections().size());
        assertEquals(1, e.rejections().get(0).index());
        assertEquals("not-a-uuid", e.rejections().get(0).eventId());
        assertTrue(e.rejections().get(0).reason().contains("records[1].eventId"), e.rejections().get(0).reason());
        assertEquals(2, e.rejections().get(1).index());
        assertEquals(EVENT_2, e.rejections().get(1).eventId());
        assertTrue(e.rejections().get(1).reason().contains("payload"), e.rejections().get(1).reason());
        assertTrue(e.getMessage().startsWith("2 of 3 records are invalid"), e.getMessage());
    }

    @Test
    void malformedBatchHasNoRecordRejections() {
        assertEquals(0, rejection("{\"province\":\"PB-LHR\"}").rejections().size());
    }
}
