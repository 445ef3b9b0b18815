package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rescuegrid.testing.EmbeddedDerby;

class HqRecordStoreTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT_1 = "3f2b8c1e-6a0d-4c57-9a43-0d7e5b1f2a61";
    private static final String EVENT_2 = "9d4e7f20-1b3c-4e8a-b6d5-2c9f0a7e4b18";
    private static final String EVENT_3 = "c1a5e9b3-7d2f-4a60-8e14-5b3d9c0f7a22";
    private static final Instant CREATED = Instant.parse("2026-12-04T10:15:31.125Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private HqRecordStore store;

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        store = new HqRecordStore(new HqDatabase(derby.dataSource()));
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    /** Returns a payload of the shape the province's store writes for a position. */
    private static ObjectNode positionPayload(String eventId, String vehicleId, double latitude) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("eventId", eventId);
        payload.put("vehicleId", vehicleId);
        ObjectNode fix = payload.putObject("fix");
        fix.put("deviceId", "TRK-LHR-01");
        fix.put("fixTime", "2026-12-04T10:15:30Z");
        fix.put("latitude", latitude);
        fix.put("longitude", 74.3587);
        fix.put("altitude", 214.5);
        fix.put("speedKmh", 36.2);
        fix.put("course", 181.0);
        fix.put("satellites", 9);
        fix.put("hdop", 0.8);
        fix.put("valid", true);
        payload.put("receivedAt", "2026-12-04T10:15:31.125Z");
        payload.put("validity", "VALID");
        return payload;
    }

    private static ReceivedRecord position(String eventId, double latitude) {
        return new ReceivedRecord(eventId, "position", CREATED, positionPayload(eventId, "AMB-LHR-101", latitude));
    }

    private static ReceivedRecord status(String eventId) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("deviceId", "TRK-LHR-01");
        payload.put("battery", 87);
        return new ReceivedRecord(eventId, "device-status", CREATED, payload);
    }

    private long records() throws SQLException {
        return derby.queryLong("SELECT COUNT(*) FROM hq_record");
    }

    private long positions() throws SQLException {
        return derby.queryLong("SELECT COUNT(*) FROM hq_position");
    }

    @Test
    void batchStoredOnce() throws SQLException {
        HqRecordStore.Outcome outcome = store.store("PB-LHR", List.of(position(EVENT_1, 31.5204), status(EVENT_2)));

        assertEquals(List.of(EVENT_1, EVENT_2), outcome.accepted());
        assertEquals(0, outcome.duplicates());
        assertEquals(2, records());
        assertEquals(1, positions(), "only the position record is projected into hq_position");
    }

    @Test
    void sameBatchTwiceKeepsOneRowPerEvent() throws SQLException {
        List<ReceivedRecord> batch = List.of(position(EVENT_1, 31.5204), status(EVENT_2));
        store.store("PB-LHR", batch);

        HqRecordStore.Outcome again = store.store("PB-LHR", batch);

        assertEquals(List.of(EVENT_1, EVENT_2), again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(2, records());
        assertEquals(1, positions());
    }

    @Test
    void overlappingBatchCountsDuplicates() throws SQLException {
        store.store("PB-LHR", List.of(position(EVENT_1, 31.5204), position(EVENT_2, 31.5210)));

        HqRecordStore.Outcome outcome = store.store("PB-LHR", List.of(position(EVENT_2, 31.5210), position(EVENT_3, 31.5220)));

        assertEquals(List.of(EVENT_2, EVENT_3), outcome.accepted());
        assertEquals(1, outcome.duplicates());
        assertEquals(3, records());
        assertEquals(3, positions());
    }

    @Test
    void resendKeepsRemainingProjection() throws SQLException {
        store.store("PB-LHR", List.of(position(EVENT_1, 31.5204), position(EVENT_2, 31.5210)));
        derby.execute("DELETE FROM hq_record WHERE event_id = '" + EVENT_1 + "'");

        HqRecordStore.Outcome outcome = store.store("PB-LHR", List.of(position(EVENT_1, 31.5204), position(EVENT_3, 31.5220)));

        assertEquals(List.of(EVENT_1, EVENT_3), outcome.accepted());
        assertEquals(0, outcome.duplicates());
        assertEquals(3, records());
        assertEquals(3, positions(), "the position still projected is kept once, and the new one is added");
    }

    @Test
    void recordColumnsFilled() throws SQLException {
        store.store("PB-LHR", List.of(status(EVENT_1)));

        assertEquals("PB-LHR", derby.queryString("SELECT province FROM hq_record"));
        assertEquals("device-status", derby.queryString("SELECT record_type FROM hq_record"));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_record WHERE created_at = TIMESTAMP('2026-12-04 10:15:31.125')"));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_record WHERE received_at IS NOT NULL"));
    }

    @Test
    void payloadStoredAsJson() throws Exception {
        ReceivedRecord record = position(EVENT_1, 31.5204);

        store.store("PB-LHR", List.of(record));

        assertEquals(record.payload(), MAPPER.readTree(derby.queryString("SELECT payload FROM hq_record")));
    }

    @Test
    void positionFillsProjection() throws SQLException {
        store.store("PB-LHR", List.of(position(EVENT_1, 31.5204)));

        String row = "SELECT %s FROM hq_position WHERE event_id = '" + EVENT_1 + "'";
        assertEquals("PB-LHR", derby.queryString(row.formatted("province")));
        assertEquals("TRK-LHR-01", derby.queryString(row.formatted("device_id")));
        assertEquals("AMB-LHR-101", derby.queryString(row.formatted("vehicle_id")));
        assertEquals("31.5204", derby.queryString(row.formatted("latitude")));
        assertEquals("74.3587", derby.queryString(row.formatted("longitude")));
        assertEquals("36.2", derby.queryString(row.formatted("speed_kmh")));
        assertEquals("true", derby.queryString(row.formatted("fix_valid")));
        assertEquals("VALID", derby.queryString(row.formatted("validity")));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_position WHERE fix_time = TIMESTAMP('2026-12-04 10:15:30')"));
    }

    @Test
    void flaggedPositionKeepsItsValidity() throws SQLException {
        ObjectNode payload = positionPayload(EVENT_1, "AMB-LHR-102", 31.5571);
        payload.put("validity", "FUTURE");

        store.store("PB-LHR", List.of(new ReceivedRecord(EVENT_1, "position", CREATED, payload)));

        assertEquals("FUTURE", derby.queryString("SELECT validity FROM hq_position"));
    }

    @Test
    void positionWithoutValidityIsNull() throws SQLException {
        ObjectNode payload = positionPayload(EVENT_1, "AMB-LHR-101", 31.5204);
        payload.remove("validity");

        store.store("PB-LHR", List.of(new ReceivedRecord(EVENT_1, "position", CREATED, payload)));

        assertNull(derby.queryString("SELECT validity FROM hq_position"));
    }

    @Test
    void malformedValidityRollsBackBatch() throws SQLException {
        ObjectNode payload = positionPayload(EVENT_1, "AMB-LHR-101", 31.5204);
        payload.put("validity", "valid; DROP");

        assertThrows(InvalidBatchException.class,
                () -> store.store("PB-LHR", List.of(new ReceivedRecord(EVENT_1, "position", CREATED, payload))));
        assertEquals(0, records());
    }

    @Test
    void positionWithoutVehicleOrSpeed() throws SQLException {
        ObjectNode payload = positionPayload(EVENT_1, null, 31.5204);
        ((ObjectNode) payload.get("fix")).putNull("speedKmh");

        store.store("PB-LHR", List.of(new ReceivedRecord(EVENT_1, "position", CREATED, payload)));

        assertNull(derby.queryString("SELECT vehicle_id FROM hq_position"));
        assertNull(derby.queryString("SELECT speed_kmh FROM hq_position"));
    }

    @Test
    void missingFixRollsBackBatch() throws SQLException {
        ObjectNode payload = positionPayload(EVENT_2, "AMB-LHR-101", 31.5210);
        payload.remove("fix");
        List<ReceivedRecord> batch = List.of(position(EVENT_1, 31.5204), new ReceivedRecord(EVENT_2, "position", CREATED, payload));

        InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", batch));

        assertTrue(e.getMessage().contains(EVENT_2), e.getMessage());
        assertTrue(e.getMessage().contains("'fix'"), e.getMessage());
        assertEquals(0, records(), "the valid record before the bad one must be rolled back too");
        assertEquals(0, positions());
    }

    @Test
    void latitudeOutOfRangeRollsBackBatch() throws SQLException {
        List<ReceivedRecord> batch = List.of(position(EVENT_1, 31.5204), position(EVENT_2, 95));

        InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", batch));

        assertTrue(e.getMessage().contains(EVENT_2), e.getMessage());
        assertTrue(e.getMessage().contains("'latitude' value '95.0'"), e.getMessage());
        assertEquals(1, e.rejections().size());
        assertEquals(1, e.rejections().get(0).index());
        assertEquals(EVENT_2, e.rejections().get(0).eventId());
        assertEquals(0, records());
        assertEquals(0, positions());
    }

    @Test
    void badFixTimeRollsBackBatch() throws SQLException {
        ObjectNode payload = positionPayload(EVENT_2, "AMB-LHR-101", 31.5210);
        ((ObjectNode) payload.get("fix")).put("fixTime", "2026-12-04 10:15:30");
        List<ReceivedRecord> batch = List.of(position(EVENT_1, 31.5204), new ReceivedRecord(EVENT_2, "position", CREATED, payload));

        InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", batch));

        assertTrue(e.getMessage().contains("'2026-12-04 10:15:30'"), e.getMessage());
        assertEquals(0, records());
    }

    @Test
    void fixTimeOutOfRangeNamed() throws SQLException {
        ObjectNode payload = positionPayload(EVENT_2, "AMB-LHR-101", 31.5210);
        ((ObjectNode) payload.get("fix")).put("fixTime", "+999999-01-01T00:00:00Z");
        List<ReceivedRecord> batch = List.of(new ReceivedRecord(EVENT_2, "position", CREATED, payload));

        InvalidBatchException e = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", batch));

        assertTrue(e.getMessage().contains("field 'fixTime' value '+999999-01-01T00:00:00Z' is out of range; HQ accepts times from"
                + " 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z"), e.getMessage());
        assertEquals(0, records());
    }

    @Test
    void rejectedBatchKeepsEarlierBatches() throws SQLException {
        store.store("PB-LHR", List.of(position(EVENT_1, 31.5204)));

        assertThrows(InvalidBatchException.class,
                () -> store.store("PB-LHR", List.of(position(EVENT_2, 31.5210), position(EVENT_3, -91))));

        assertEquals(1, records());
        assertEquals(EVENT_1, derby.queryString("SELECT event_id FROM hq_position"));
    }

    @Test
    void storeWorksAfterRejectedBatch() throws SQLException {
        assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", List.of(position(EVENT_1, 95))));

        HqRecordStore.Outcome outcome = store.store("PB-LHR", List.of(position(EVENT_1, 31.5204)));

        assertEquals(0, outcome.duplicates());
        assertEquals(1, positions());
    }
}
