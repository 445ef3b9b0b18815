package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.api.outbox.OutboxRecord;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DerbyPositionStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private DerbyPositionStore positions;
    private DerbyOutbox outbox;
    private DerbyDeviceStore devices;

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        StoreDatabase database = new StoreDatabase(derby.dataSource());
        positions = new DerbyPositionStore(database);
        outbox = new DerbyOutbox(database);
        devices = new DerbyDeviceStore(database);
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    static PositionFix fix(String deviceId, Instant fixTime, double latitude, boolean valid) {
        return new PositionFix(deviceId, fixTime, latitude, 74.3587, 214.5, 36.2, 181.0, 9, 0.8, valid);
    }

    @Test
    void storeWritesPositionAndOutboxRecord() throws SQLException {
        StoredPosition stored = positions.store(fix("TRK-LHR-01", T0, 31.5204, true));

        assertEquals(1, positions.countForDevice("TRK-LHR-01"));
        assertEquals(stored.eventId(), derby.queryString("SELECT event_id FROM position_fix"));
        List<OutboxRecord> queued = outbox.peek(10);
        assertEquals(1, queued.size());
        assertEquals(stored.eventId(), queued.get(0).eventId());
        assertEquals("position", queued.get(0).recordType());
        assertEquals(stored.receivedAt(), queued.get(0).createdAt());
    }

    @Test
    void payloadCarriesFixValues() throws Exception {
        StoredPosition stored = positions.store(fix("TRK-LHR-01", T0, 31.5204, true));

        JsonNode payload = new ObjectMapper().readTree(outbox.peek(1).get(0).payload());

        assertEquals(stored.eventId(), payload.path("eventId").asText());
        assertTrue(payload.get("vehicleId").isNull());
        JsonNode fix = payload.path("fix");
        assertEquals("TRK-LHR-01", fix.path("deviceId").asText());
        assertEquals("2026-12-04T10:15:30Z", fix.path("fixTime").asText());
        assertEquals(31.5204, fix.path("latitude").asDouble());
        assertEquals(74.3587, fix.path("longitude").asDouble());
        assertEquals(214.5, fix.path("altitude").asDouble());
        assertEquals(36.2, fix.path("speedKmh").asDouble());
        assertEquals(181.0, fix.path("course").asDouble());
        assertEquals(9, fix.path("satellites").asInt());
        assertEquals(0.8, fix.path("hdop").asDouble());
        assertTrue(fix.path("valid").asBoolean());
        assertEquals(stored.receivedAt(), Instant.parse(payload.path("receivedAt").asText()));
    }

    @Test
    void optionalValuesStoredAsNull() throws Exception {
        PositionFix bare = new PositionFix("TRK-LHR-01", T0, 31.5204, 74.3587, null, null, null, null, null, true);

        positions.store(bare);

        StoredPosition latest = positions.latest("TRK-LHR-01").orElseThrow();
        assertEquals(bare, latest.fix());
        JsonNode fix = new ObjectMapper().readTree(outbox.peek(1).get(0).payload()).path("fix");
        assertTrue(fix.get("speedKmh").isNull());
    }

    @Test
    void outboxFailureStoresNoPosition() throws SQLException {
        derby.execute("DROP TABLE outbox");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> positions.store(fix("TRK-LHR-01", T0, 31.5204, true)));

        assertTrue(e.getMessage().contains("TRK-LHR-01"), e.getMessage());
        assertEquals(0, positions.countForDevice("TRK-LHR-01"));
    }

    @Test
    void latestIgnoresInvalidFix() {
        positions.store(fix("TRK-LHR-01", T0, 31.5, true));
        positions.store(fix("TRK-LHR-01", T0.plusSeconds(1), 31.5001, false));

        StoredPosition latest = positions.latest("TRK-LHR-01").orElseThrow();

        assertEquals(T0, latest.fix().fixTime());
    }

    @Test
    void latestPicksNewest() {
        positions.store(fix("TRK-LHR-01", T0, 31.5, true));
        positions.store(fix("TRK-LHR-01", T0.plusSeconds(1), 31.5001, true));
        positions.store(fix("TRK-KHI-01", T0.plusSeconds(2), 24.8, true));

        StoredPosition latest = positions.latest("TRK-LHR-01").orElseThrow();

        assertEquals(T0.plusSeconds(1), latest.fix().fixTime());
        assertEquals(31.5001, latest.fix().latitude());
    }

    @Test
    void latestPrefersNewerFixTime() {
        positions.store(fix("TRK-LHR-01", T0.plusSeconds(5), 31.5001, true));
        positions.store(fix("TRK-LHR-01", T0, 31.5, true));

        StoredPosition latest = positions.latest("TRK-LHR-01").orElseThrow();

        assertEquals(T0.plusSeconds(5), latest.fix().fixTime());
    }

    @Test
    void latestOfUnknownIdIsEmpty() {
        positions.store(fix("TRK-LHR-01", T0, 31.5, true));

        assertEquals(Optional.empty(), positions.latest("TRK-XXX-99"));
    }

    @Test
    void latestOnlyInvalidIsEmpty() {
        positions.store(fix("TRK-LHR-01", T0, 31.5, false));

        assertEquals(Optional.empty(), positions.latest("TRK-LHR-01"));
    }

    @Test
    void latestOfAllOnePerDeviceNewestFirst() {
        positions.store(fix("TRK-LHR-01", T0, 31.5, true));
        positions.store(fix("TRK-KHI-01", T0.plusSeconds(1), 24.8, true));
        positions.store(fix("TRK-LHR-01", T0.plusSeconds(2), 31.5001, true));
        positions.store(fix("TRK-LHR-01", T0.plusSeconds(3), 31.5002, false));
        positions.store(fix("TRK-ISB-01", T0.plusSeconds(4), 33.6, false));

        List<StoredPosition> latest = positions.latestOfAll();

        assertEquals(2, latest.size(), latest::toString);
        assertEquals("TRK-LHR-01", latest.get(0).fix().deviceId());
        assertEquals(T0.plusSeconds(2), latest.get(0).fix().fixTime());
        assertEquals("TRK-KHI-01", latest.get(1).fix().deviceId());
        assertEquals(T0.plusSeconds(1), latest.get(1).fix().fixTime());
    }

    @Test
    void assignmentAppliesToLaterPositions() throws SQLException {
        StoredPosition before = positions.store(fix("TRK-LHR-01", T0, 31.5, true));
        devices.upsert("TRK-LHR-01", "nmea", T0);
        devices.assign("TRK-LHR-01", "AMB-LHR-101");

        StoredPosition after = positions.store(fix("TRK-LHR-01", T0.plusSeconds(1), 31.5001, true));

        assertNull(before.vehicleId());
        assertEquals("AMB-LHR-101", after.vehicleId());
        assertNull(derby.queryString("SELECT vehicle_id FROM position_fix WHERE event_id = '" + before.eventId() + "'"));
        assertEquals("AMB-LHR-101", derby.queryString("SELECT vehicle_id FROM position_fix WHERE event_id = '" + after.eventId() + "'"));
        assertEquals(after.eventId(), positions.latest("AMB-LHR-101").orElseThrow().eventId());
    }

    @Test
    void payloadCarriesVehicleId() throws Exception {
        devices.upsert("TRK-LHR-01", "nmea", T0);
        devices.assign("TRK-LHR-01", "AMB-LHR-101");

        positions.store(fix("TRK-LHR-01", T0, 31.5, true));

        JsonNode payload = new ObjectMapper().readTree(outbox.peek(1).get(0).payload());
        assertEquals("AMB-LHR-101", payload.path("vehicleId").asText());
    }

    @Test
    void eventIdsAreUnique() {
        StoredPosition first = positions.store(fix("TRK-LHR-01", T0, 31.5, true));
        StoredPosition second = positions.store(fix("TRK-LHR-01", T0.plusSeconds(1), 31.5, true));

        assertNotEquals(first.eventId(), second.eventId(), "fixes of different times must get their own event ids");
        assertEquals(2, positions.countForDevice("TRK-LHR-01"));
    }
}
