package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.hq.internal.HqDatabase;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Compliance and driving events of two district nodes in HQ's projections. PB-LHR has two closed incidents:
 * INC-1 (dispatch late by 15 s for S-101, scene safety missed by S-201, handover not applicable) and INC-2
 * (both steps met, by S-101 and S-202); SD-KHI has one incident with its one step met.
 */
class BackOfficeReadModelsTest {

    private static final Instant T0 = Instant.parse("2026-12-04T04:00:00Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private ComplianceReadModel compliance;
    private DriverEventReadModel driving;

    @BeforeEach
    void openDatabase() throws SQLException {
        derby = new EmbeddedDerby(directory);
        new HqDatabase(derby.dataSource());
        compliance = new ComplianceReadModel(derby.dataSource());
        driving = new DriverEventReadModel(derby.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        derby.close();
    }

    @Test
    void complianceScoresPerDistrict() throws SQLException {
        incidents();

        ArrayNode districts = compliance.compliance(null, T0, T0.plusSeconds(3600));

        assertEquals(2, districts.size(), districts.toString());
        JsonNode lahore = districts.get(0);
        assertEquals("PB-LHR", lahore.get("district").asText());
        assertEquals(2, lahore.get("incidents").asInt());
        // Counted steps: met 2, late 1, missed 1; 2 of 4 is 50 %.
        assertScore(lahore.get("score"), 50, 2, 1, 1, 1, 15);
        assertEquals("Lahore", lahore.get("byDistrict").get(0).get("key").asText());
        assertEquals(50, lahore.get("byDistrict").get(0).get("scorePercent").asInt());
        assertEquals("night", lahore.get("byShift").get(0).get("key").asText());
        assertEquals(0, lahore.get("byShift").get(0).get("scorePercent").asInt());
        assertEquals("morning", lahore.get("byShift").get(1).get("key").asText());
        // Morning: the late dispatch of INC-1 and both steps of INC-2, so 2 of 3.
        assertEquals(67, lahore.get("byShift").get(1).get("scorePercent").asInt());
        assertEquals(2, lahore.get("byStation").size());
        assertEquals("LHR-2", lahore.get("byStation").get(0).get("key").asText());
        assertEquals(0, lahore.get("byStation").get(0).get("scorePercent").asInt());
    }

    @Test
    void worstOffendersAndMissedSteps() throws SQLException {
        incidents();

        JsonNode lahore = compliance.compliance("PB-LHR", T0, T0.plusSeconds(3600)).get(0);

        JsonNode people = lahore.get("byPerson");
        assertEquals(3, people.size(), people.toString());
        assertEquals("S-201", people.get(0).get("key").asText());
        assertEquals("S-101", people.get(1).get("key").asText());
        assertEquals(50, people.get(1).get("scorePercent").asInt());
        assertEquals("S-202", people.get(2).get("key").asText());
        JsonNode offenders = lahore.get("worstOffenders");
        assertEquals(2, offenders.size(), offenders.toString());
        assertEquals("S-201", offenders.get(0).get("key").asText());
        assertEquals(1, offenders.get(0).get("missed").asInt());
        assertEquals("S-101", offenders.get(1).get("key").asText());
        assertEquals(15, offenders.get(1).get("totalLateSeconds").asLong());
        JsonNode missed = lahore.get("mostMissedSteps");
        assertEquals(2, missed.size(), missed.toString());
        assertEquals("road-traffic-accident/dispatch", missed.get(0).get("key").asText());
        assertEquals("road-traffic-accident/scene-safety", missed.get(1).get("key").asText());
    }

    @Test
    void compliancePeriodByIncidentCreation() throws SQLException {
        incidents();

        assertEquals(0, compliance.compliance(null, T0.plusSeconds(3600), T0.plusSeconds(7200)).size());
        JsonNode lahore = compliance.compliance("PB-LHR", T0.plusSeconds(500), T0.plusSeconds(3600)).get(0);
        assertEquals(1, lahore.get("incidents").asInt());
        assertScore(lahore.get("score"), 100, 2, 0, 0, 0, 0);
    }

    @Test
    void driverEventsPerDistrict() throws SQLException {
        driverEvent("PB-LHR", "AMB-LHR-101", "DRV-7", "overspeed", 60);
        driverEvent("PB-LHR", "AMB-LHR-101", "DRV-7", "harsh-braking", 120);
        driverEvent("PB-LHR", "AMB-LHR-101", "DRV-7", "overspeed", 180);
        driverEvent("PB-LHR", "FT-LHR-301", null, "overspeed", 240);
        driverEvent("SD-KHI", "AMB-KHI-201", "DRV-9", "harsh-braking", 300);
        driverEvent("PB-LHR", "AMB-LHR-101", "DRV-7", "overspeed", 7200);

        ArrayNode districts = driving.driverEvents(null, T0, T0.plusSeconds(3600));

        assertEquals(2, districts.size(), districts.toString());
        JsonNode lahore = districts.get(0);
        assertEquals("PB-LHR", lahore.get("district").asText());
        assertEquals(4, lahore.get("events").asInt());
        assertEquals(3, lahore.get("byKind").get("overspeed").asInt());
        assertEquals(1, lahore.get("byKind").get("harsh-braking").asInt());
        assertEquals("AMB-LHR-101", lahore.get("topVehicles").get(0).get("vehicleId").asText());
        assertEquals(3, lahore.get("topVehicles").get(0).get("events").asInt());
        assertEquals("FT-LHR-301", lahore.get("topVehicles").get(1).get("vehicleId").asText());
        assertEquals(1, lahore.get("topDrivers").size());
        assertEquals("DRV-7", lahore.get("topDrivers").get(0).get("driverId").asText());
        assertEquals(1, driving.driverEvents("SD-KHI", T0, T0.plusSeconds(3600)).size());
        assertTrue(driving.driverEvents("SD-KHI", T0.plusSeconds(3600), T0.plusSeconds(7200)).isEmpty());
    }

    private static void assertScore(JsonNode score, int percent, int met, int late, int missed, int notApplicable, long lateSeconds) {
        assertEquals(percent, score.get("scorePercent").asInt(), score.toString());
        assertEquals(met, score.get("met").asInt(), score.toString());
        assertEquals(late, score.get("late").asInt(), score.toString());
        assertEquals(missed, score.get("missed").asInt(), score.toString());
        assertEquals(notApplicable, score.get("notApplicable").asInt(), score.toString());
        assertEquals(lateSeconds, score.get("totalLateSeconds").asLong(), score.toString());
    }

    private void incidents() throws SQLException {
        step("PB-LHR", "INC-1", 10, 1, "dispatch", "late", 15L, "S-101", "LHR-1", "morning");
        step("PB-LHR", "INC-1", 10, 2, "scene-safety", "missed", null, "S-201", "LHR-2", "night");
        step("PB-LHR", "INC-1", 10, 3, "handover", "not-applicable", null, null, null, null);
        step("PB-LHR", "INC-2", 600, 1, "dispatch", "met", null, "S-101", "LHR-1", "morning");
        step("PB-LHR", "INC-2", 600, 2, "scene-safety", "met", null, "S-202", "LHR-1", "morning");
        step("SD-KHI", "INC-1", 20, 1, "dispatch", "met", null, "S-901", "KHI-1", "morning");
    }

    private void step(String node, String incidentId, long created, int order, String stepId, String status, Long lateSeconds, String staffId,
            String station, String shift) throws SQLException {
        String district = staffId == null ? null : "PB-LHR".equals(node) ? "Lahore" : "Karachi";
        derby.execute("INSERT INTO hq_compliance_step (event_id, province, incident_id, incident_type, sop_version, incident_created_at,"
                + " step_order, step_id, role, status, late_seconds, staff_id, station, district, shift) VALUES ('" + UUID.randomUUID() + "', '"
                + node + "', '" + incidentId + "', 'road-traffic-accident', 1, TIMESTAMP('" + timestamp(T0.plusSeconds(created)) + "'), " + order
                + ", '" + stepId + "', 'crew', '" + status + "', " + lateSeconds + ", " + text(staffId) + ", " + text(station) + ", "
                + text(district) + ", " + text(shift) + ")");
    }

    private void driverEvent(String node, String vehicleId, String driverId, String type, long at) throws SQLException {
        derby.execute("INSERT INTO hq_driver_event (event_id, province, vehicle_id, vehicle_type, driver_id, event_type, event_time,"
                + " from_tracker, shift, shift_day) VALUES ('" + UUID.randomUUID() + "', '" + node + "', '" + vehicleId + "', 'ambulance', "
                + text(driverId) + ", '" + type + "', TIMESTAMP('" + timestamp(T0.plusSeconds(at)) + "'), FALSE, 'morning', DATE('2026-12-04'))");
    }

    private static String text(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    private static String timestamp(Instant at) {
        return at.toString().replace('T', ' ').replace("Z", "");
    }
}
