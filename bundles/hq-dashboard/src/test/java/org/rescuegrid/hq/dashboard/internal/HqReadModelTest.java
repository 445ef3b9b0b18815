package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.hq.internal.HqDatabase;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

class HqReadModelTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private HqReadModel model;

    @BeforeEach
    void openDatabase() throws SQLException {
        derby = new EmbeddedDerby(directory);
        new HqDatabase(derby.dataSource());
        model = new HqReadModel(derby.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        derby.close();
    }

    @Test
    void provinceKnownOnceHeard() throws SQLException {
        record(UUID.randomUUID().toString(), "PB-LHR", "position", Instant.parse("2026-12-04T10:00:00Z"));

        assertTrue(model.knownProvince("PB-LHR"));
        assertFalse(model.knownProvince("ZZ"));
    }

    @Test
    void vehiclesLatestValidFix() throws SQLException {
        position("PB-LHR", "TRK-1", "AMB-LHR-101", NOW.minusSeconds(60), 31.5200, true);
        position("PB-LHR", "TRK-1", "AMB-LHR-101", NOW.minusSeconds(20), 31.5210, true);
        // A newer fix the receiver marked invalid must not move the vehicle.
        position("PB-LHR", "TRK-1", "AMB-LHR-101", NOW.minusSeconds(5), 31.9000, false);
        position("PB-LHR", "TRK-2", "AMB-LHR-102", NOW.minus(Duration.ofHours(25)), 31.4000, true);
        position("SD-KHI", "TRK-9", "AMB-KHI-201", NOW.minusSeconds(30), 24.8600, true);

        ArrayNode vehicles = model.vehicles(NOW);

        assertEquals(2, vehicles.size(), vehicles.toString());
        assertEquals("AMB-LHR-101", vehicles.get(0).get("vehicleId").asText());
        assertEquals(31.5210, vehicles.get(0).get("latitude").asDouble());
        assertEquals("2026-12-04T09:59:40Z", vehicles.get(0).get("fixTime").asText());
        assertEquals("SD-KHI", vehicles.get(1).get("district").asText());
        assertEquals("AMB-KHI-201", vehicles.get(1).get("vehicleId").asText());
    }

    @Test
    void districtHealthStaleGapsSilent() throws SQLException {
        // PB-LHR: batches 50 min, 35 min and 30 s ago, so one gap of 15 minutes, and live now.
        position("PB-LHR", "TRK-1", "AMB-LHR-101", NOW.minusSeconds(3000), 31.52, true);
        position("PB-LHR", "TRK-1", "AMB-LHR-101", NOW.minusSeconds(2100), 31.53, true);
        position("PB-LHR", "TRK-1", "AMB-LHR-101", NOW.minusSeconds(30), 31.54, true);
        // TRK-2 last reported 40 minutes ago: silent after 15 minutes.
        position("PB-LHR", "TRK-2", "AMB-LHR-102", NOW.minusSeconds(2400), 31.40, true);
        // SD-KHI last sent 2 minutes ago: stale after 60 s.
        position("SD-KHI", "TRK-9", "AMB-KHI-201", NOW.minusSeconds(120), 24.86, true);

        ArrayNode districts = model.districts(NOW, Duration.ofSeconds(60), Duration.ofMinutes(15));

        assertEquals(2, districts.size());
        JsonNode lahore = districts.get(0);
        assertEquals("PB-LHR", lahore.get("district").asText());
        assertFalse(lahore.get("stale").asBoolean());
        assertEquals(30, lahore.get("secondsSinceLastRecord").asLong());
        assertEquals(4, lahore.get("recordsLastHour").get("position").asLong());
        assertEquals(1, lahore.get("silentDevices").size());
        assertEquals("TRK-2", lahore.get("silentDevices").get(0).get("deviceId").asText());
        // Records arrived 3000, 2400, 2100 and 30 s ago: intervals of 600, 300 and 2070 s, each over the 60 s limit.
        assertEquals(3, lahore.get("gaps").size(), lahore.get("gaps").toString());
        assertEquals(2070, lahore.get("gaps").get(2).get("seconds").asLong());

        JsonNode karachi = districts.get(1);
        assertEquals("SD-KHI", karachi.get("district").asText());
        assertTrue(karachi.get("stale").asBoolean());
        assertEquals(120, karachi.get("secondsSinceLastRecord").asLong());
        assertEquals(0, karachi.get("gaps").size());
    }

    @Test
    void deviceEventsAreNewestFirstAndLimited() throws SQLException {
        event("PB-LHR", "TRK-1", "ignition-on", NOW.minusSeconds(600));
        event("PB-LHR", "TRK-1", "panic", NOW.minusSeconds(60));
        event("PB-LHR", "TRK-1", "ignition-off", NOW.minus(Duration.ofDays(2)));

        ArrayNode events = model.deviceEvents(NOW, 10);

        assertEquals(2, events.size());
        assertEquals("panic", events.get(0).get("type").asText());
        assertEquals("ignition-on", events.get(1).get("type").asText());
        assertEquals(1, model.deviceEvents(NOW, 1).size());
    }

    @Test
    void callScopesInPeriod() throws SQLException {
        call("PB-LHR", "CALL-1", "Faisalabad", NOW.minusSeconds(600));
        call("PB-LHR", "CALL-2", "Lahore", NOW.minusSeconds(300));
        call("PB-LHR", "CALL-3", "Faisalabad", NOW.minusSeconds(200));
        call("SD-KHI", "CALL-9", "Karachi", NOW.minus(Duration.ofDays(2)));

        Map<String, List<String>> scopes = model.callScopes(NOW.minus(Duration.ofHours(24)), NOW);

        assertEquals(Map.of("PB-LHR", List.of("Faisalabad", "Lahore")), scopes);
    }

    private void call(String province, String callId, String district, Instant at) throws SQLException {
        derby.execute("INSERT INTO hq_call (event_id, province, call_id, received_at, incident_type, disposition, district)"
                + " VALUES ('" + UUID.randomUUID() + "', '" + province + "', '" + callId + "', " + timestamp(at) + ", 'fire', 'emergency', '"
                + district + "')");
    }

    /** Stores a position as the HQ receiver does: the record received when the fix was made. */
    private void position(String district, String device, String vehicle, Instant at, double latitude, boolean valid) throws SQLException {
        String id = UUID.randomUUID().toString();
        record(id, district, "position", at);
        derby.execute("INSERT INTO hq_position (event_id, province, device_id, vehicle_id, fix_time, latitude, longitude, speed_kmh, fix_valid)"
                + " VALUES ('" + id + "', '" + district + "', '" + device + "', '" + vehicle + "', " + timestamp(at) + ", " + latitude
                + ", 74.35, 40.0, " + valid + ")");
    }

    private void event(String district, String device, String type, Instant at) throws SQLException {
        String id = UUID.randomUUID().toString();
        record(id, district, "device-event", at);
        derby.execute("INSERT INTO hq_device_event (event_id, province, device_id, vehicle_id, event_type, event_time)"
                + " VALUES ('" + id + "', '" + district + "', '" + device + "', NULL, '" + type + "', " + timestamp(at) + ")");
    }

    private void record(String id, String district, String type, Instant at) throws SQLException {
        derby.execute("INSERT INTO hq_record (event_id, province, record_type, created_at, received_at, payload) VALUES ('" + id + "', '"
                + district + "', '" + type + "', " + timestamp(at) + ", " + timestamp(at) + ", '{}')");
    }

    private static String timestamp(Instant at) {
        return "TIMESTAMP('" + java.sql.Timestamp.from(at) + "')";
    }
}
