package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqReport;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls, incidents and steps in the shape the province's front office writes them. Lahore incident INC-1 is
 * reached in 6:30 and INC-2 in 7:30; Karachi incident INC-3 has no vehicle on scene.
 */
class FrontOfficeProjectionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-04T04:00:00Z");
    private static final Duration TARGET = Duration.ofMinutes(7);

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private HqRecordStore store;
    private HqKpiComponent kpis;
    private final List<ReceivedRecord> batch = new ArrayList<>();

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        HqDatabase database = new HqDatabase(derby.dataSource());
        store = new HqRecordStore(database);
        kpis = new HqKpiComponent(database);
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    @Test
    void kpisFromProjectedRecords() throws SQLException {
        incident("INC-1", "fire", "Lahore", 0, 10);
        step("INC-1", null, "dispatched", 40);
        step("INC-1", "AMB-1", "on-scene", 390);
        step("INC-1", null, "on-scene", 390);
        incident("INC-2", "medical-emergency", "Lahore", 600, 615);
        step("INC-2", null, "dispatched", 660);
        step("INC-2", null, "on-scene", 1050);
        incident("INC-3", "fire", "Karachi", 700, 705);
        call("CALL-9", "nuisance", null, "Lahore", 800);
        call("CALL-10", "emergency", "fake-check", "Lahore", 810);
        reclassify("CALL-10", "fake");
        store.store("PB-LHR", batch);

        HqKpi lahore = kpis.kpi("PB-LHR", "Lahore", T0, T0.plusSeconds(3600), TARGET);
        HqKpi all = kpis.kpi("PB-LHR", null, T0, T0.plusSeconds(3600), TARGET);

        assertEquals(Map.of("emergency", 2L, "nuisance", 1L, "fake", 1L), lahore.callsByDisposition());
        assertEquals(Map.of("fire", 1L, "medical-emergency", 1L), lahore.incidentsByType());
        assertEquals(2, lahore.responded());
        assertEquals(1, lahore.withinTarget());
        assertEquals(new HqKpi.Stats(2, Duration.ofSeconds(420), Duration.ofSeconds(390), Duration.ofSeconds(450)), lahore.response());
        assertEquals(new HqKpi.Stats(2, Duration.ofMillis(12_500), Duration.ofSeconds(10), Duration.ofSeconds(15)), lahore.callHandling());
        assertEquals(new HqKpi.Stats(2, Duration.ofMillis(37_500), Duration.ofSeconds(30), Duration.ofSeconds(45)), lahore.dispatch());
        assertEquals(new HqKpi.Stats(2, Duration.ofSeconds(370), Duration.ofSeconds(350), Duration.ofSeconds(390)), lahore.travel());
        assertEquals(Map.of("fire", 2L, "medical-emergency", 1L), all.incidentsByType());
        assertEquals(2, all.responded());
        assertEquals(0, kpis.kpi("PB-KHI", null, T0, T0.plusSeconds(3600), TARGET).responded());
    }

    @Test
    void resentRecordsProjectedOnce() throws SQLException {
        incident("INC-1", "fire", "Lahore", 0, 10);
        step("INC-1", null, "on-scene", 390);
        store.store("PB-LHR", batch);
        store.store("PB-LHR", batch);

        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_incident"));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_call"));
    }

    @Test
    void driverEventProjected() throws SQLException {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("vehicleId", "AMB-LHR-101");
        payload.put("vehicleType", "ambulance");
        payload.put("driverId", "DRV-7");
        payload.put("type", "overspeed");
        payload.put("time", "2026-12-04T04:00:00Z");
        payload.put("speedKmh", 105.0);
        payload.put("limitKmh", 100.0);
        payload.putNull("value");
        payload.put("fromTracker", false);
        payload.put("shift", "morning");
        payload.put("shiftDay", "2026-12-04");
        batch.add(record("driver-event", payload));
        store.store("PB-LHR", batch);

        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_driver_event WHERE driver_id = 'DRV-7' AND event_type = 'overspeed'"
                + " AND shift = 'morning' AND shift_day = DATE('2026-12-04') AND speed_kmh = 105"));
    }

    @Test
    void outcomesProjectedIntoReport() throws SQLException {
        incident("INC-1", "fire", "Lahore", 0, 10);
        incident("INC-2", "road-traffic-accident", "Lahore", 600, 615);
        incident("INC-3", "fire", "Karachi", 700, 705);
        outcome("INC-1", 4, 1, 2, 0);
        outcome("INC-2", 3, 3, 0, 1);
        // A second outcome of INC-2 replaces the first.
        outcome("INC-2", 2, 1, 1, 1);
        outcome("INC-3", 5, 0, 5, 2);
        store.store("PB-LHR", batch);

        HqReportComponent reports = new HqReportComponent(new HqDatabase(derby.dataSource()), kpis);
        HqReport lahore = reports.report("PB-LHR", "Lahore", T0, T0.plusSeconds(3600));
        HqReport province = reports.report("PB-LHR", null, T0, T0.plusSeconds(3600));

        assertEquals(new HqReport.Outcomes(2, 6, 2, 3, 1), lahore.outcomes());
        assertEquals(new HqReport.Outcomes(3, 11, 2, 8, 3), province.outcomes());
        assertEquals(2, derby.queryLong("SELECT COUNT(*) FROM hq_outcome WHERE incident_id IN ('INC-1', 'INC-2')"));
        assertNull(lahore.driverEventsByType());
        assertEquals(Map.of(), province.driverEventsByType());
    }

    @Test
    void outcomeAboveRescuedRejected() {
        incident("INC-1", "fire", "Lahore", 0, 10);
        outcome("INC-1", 1, 1, 1, 0);

        InvalidBatchException rejected = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", batch));

        assertTrue(rejected.getMessage().contains("firstAidOnScene 1 plus takenToHospital 1 above peopleRescued 1"), rejected.getMessage());
    }

    @Test
    void unknownStepRejected() {
        incident("INC-1", "fire", "Lahore", 0, 10);
        step("INC-1", null, "teleported", 30);

        InvalidBatchException rejected = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", batch));

        assertTrue(rejected.getMessage().contains("step 'teleported' is unknown"), rejected.getMessage());
    }

    private void incident(String incidentId, String type, String district, long received, long created) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("incidentId", incidentId);
        payload.put("incidentType", type);
        ObjectNode location = payload.putObject("location");
        location.put("latitude", 31.5106);
        location.put("longitude", 74.3428);
        payload.put("callReceivedAt", T0.plusSeconds(received).toString());
        payload.put("createdAt", T0.plusSeconds(created).toString());
        payload.put("district", district);
        batch.add(record("incident", payload));
        call("CALL-" + incidentId, "emergency", incidentId, district, received);
    }

    private void outcome(String incidentId, int rescued, int firstAid, int hospital, int deaths) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("incidentId", incidentId);
        payload.put("peopleRescued", rescued);
        payload.put("firstAidOnScene", firstAid);
        payload.put("takenToHospital", hospital);
        payload.put("deathsOnScene", deaths);
        payload.put("recordedBy", "supervisor1");
        payload.put("recordedAt", T0.plusSeconds(3000).toString());
        batch.add(record("incident-outcome", payload));
    }

    private void call(String callId, String disposition, String incidentId, String district, long received) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("callId", callId);
        payload.put("receivedAt", T0.plusSeconds(received).toString());
        payload.put("callerNumber", "********001");
        payload.put("disposition", disposition);
        payload.put("incidentId", incidentId);
        payload.put("district", district);
        batch.add(record("call", payload));
    }

    private void reclassify(String callId, String to) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("callId", callId);
        payload.put("from", "emergency");
        payload.put("to", to);
        batch.add(record("call-reclassified", payload));
    }

    private void step(String incidentId, String vehicleId, String step, long at) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("incidentId", incidentId);
        payload.put("vehicleId", vehicleId);
        payload.put("step", step);
        payload.put("time", T0.plusSeconds(at).toString());
        payload.put("source", "gps");
        payload.put("accepted", true);
        batch.add(record("incident-step", payload));
    }

    private static ReceivedRecord record(String type, ObjectNode payload) {
        String eventId = UUID.randomUUID().toString();
        payload.put("eventId", eventId);
        return new ReceivedRecord(eventId, type, T0, payload);
    }
}
