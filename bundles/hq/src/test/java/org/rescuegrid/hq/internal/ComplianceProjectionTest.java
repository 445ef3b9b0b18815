package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Compliance records in the shape the district's back office sends them when an incident closes. */
class ComplianceProjectionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-12-04T04:00:10Z");

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

    @Test
    void stepsProjectedWithResponsiblePerson() throws SQLException {
        ObjectNode payload = compliance("INC-000001");
        step(payload, "dispatch", "dispatcher", "late", 15L, "S-101", "LHR-1", "Lahore", "morning");
        step(payload, "scene-safety", "crew", "missed", null, "S-201", "LHR-1", "Lahore", "morning");
        step(payload, "handover", "crew", "not-applicable", null, null, null, null, null);
        store.store("PB-LHR", List.of(record(payload)));

        assertEquals(3, derby.queryLong("SELECT COUNT(*) FROM hq_compliance_step WHERE province = 'PB-LHR' AND incident_id = 'INC-000001'"));
        assertEquals(15, derby.queryLong("SELECT late_seconds FROM hq_compliance_step WHERE step_id = 'dispatch' AND staff_id = 'S-101'"
                + " AND status = 'late' AND district = 'Lahore' AND shift = 'morning' AND step_order = 1 AND sop_version = 2"));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_compliance_step WHERE step_id = 'scene-safety' AND status = 'missed'"
                + " AND incident_created_at = TIMESTAMP('2026-12-04 04:00:10')"));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_compliance_step WHERE step_id = 'handover' AND staff_id IS NULL"));
    }

    @Test
    void laterRecordReplacesSteps() throws SQLException {
        ObjectNode first = compliance("INC-000001");
        step(first, "dispatch", "dispatcher", "late", 15L, "S-101", "LHR-1", "Lahore", "morning");
        step(first, "scene-safety", "crew", "missed", null, "S-201", "LHR-1", "Lahore", "morning");
        ObjectNode second = compliance("INC-000001");
        step(second, "dispatch", "dispatcher", "late", 15L, "S-101", "LHR-1", "Lahore", "morning");
        step(second, "scene-safety", "crew", "met", null, "S-201", "LHR-1", "Lahore", "morning");
        store.store("PB-LHR", List.of(record(first)));
        store.store("PB-LHR", List.of(record(second)));

        assertEquals(2, derby.queryLong("SELECT COUNT(*) FROM hq_compliance_step"));
        assertEquals("met", derby.queryString("SELECT status FROM hq_compliance_step WHERE step_id = 'scene-safety'"));
    }

    @Test
    void recordsStoredEarlierProjectedAtStart() throws SQLException {
        ObjectNode first = compliance("INC-000001");
        step(first, "scene-safety", "crew", "missed", null, "S-201", "LHR-1", "Lahore", "morning");
        ObjectNode second = compliance("INC-000001");
        step(second, "scene-safety", "crew", "met", null, "S-201", "LHR-1", "Lahore", "morning");
        store.store("PB-LHR", List.of(record(first)));
        store.store("PB-LHR", List.of(record(second)));
        // As on an HQ that stored the records before hq_compliance_step existed.
        derby.execute("DELETE FROM hq_compliance_step");
        derby.close();
        derby = new EmbeddedDerby(directory);
        store = new HqRecordStore(new HqDatabase(derby.dataSource()));

        assertEquals("met", derby.queryString("SELECT status FROM hq_compliance_step WHERE step_id = 'scene-safety'"));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_compliance_step"));
    }

    @Test
    void newerStepsKeptAtStart() throws SQLException {
        ObjectNode first = compliance("INC-000001");
        step(first, "scene-safety", "crew", "missed", null, "S-201", "LHR-1", "Lahore", "morning");
        ObjectNode second = compliance("INC-000001");
        step(second, "scene-safety", "crew", "met", null, "S-201", "LHR-1", "Lahore", "morning");
        store.store("PB-LHR", List.of(record(first)));
        store.store("PB-LHR", List.of(record(second)));
        derby.close();
        derby = new EmbeddedDerby(directory);
        store = new HqRecordStore(new HqDatabase(derby.dataSource()));

        assertEquals("met", derby.queryString("SELECT status FROM hq_compliance_step WHERE step_id = 'scene-safety'"));
    }

    @Test
    void openStatusRejected() {
        ObjectNode payload = compliance("INC-000001");
        step(payload, "dispatch", "dispatcher", "pending", null, "S-101", "LHR-1", "Lahore", "morning");

        InvalidBatchException rejected = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", List.of(record(payload))));

        assertTrue(rejected.getMessage().contains("steps[0] status 'pending' is not a final status"), rejected.getMessage());
    }

    private static ObjectNode compliance(String incidentId) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("incidentId", incidentId);
        payload.put("incidentType", "road-traffic-accident");
        payload.put("sopVersion", 2);
        payload.put("incidentCreatedAt", CREATED.toString());
        payload.putArray("steps");
        return payload;
    }

    private static void step(ObjectNode payload, String stepId, String role, String status, Long lateSeconds, String staffId, String station,
            String district, String shift) {
        ObjectNode step = ((ArrayNode) payload.get("steps")).addObject();
        step.put("step", stepId);
        step.put("role", role);
        step.put("status", status);
        step.put("dueAt", CREATED.plusSeconds(60).toString());
        step.put("doneAt", "missed".equals(status) || "not-applicable".equals(status) ? null : CREATED.plusSeconds(75).toString());
        step.put("lateSeconds", lateSeconds);
        step.put("staffId", staffId);
        step.put("station", station);
        step.put("district", district);
        step.put("shift", shift);
    }

    private static ReceivedRecord record(ObjectNode payload) {
        return new ReceivedRecord(UUID.randomUUID().toString(), "compliance", CREATED.plusSeconds(3600), payload);
    }
}
