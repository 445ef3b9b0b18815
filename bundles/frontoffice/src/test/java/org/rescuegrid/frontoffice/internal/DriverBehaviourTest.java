package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.DriverScore;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;

/** Driving events attributed to drivers and shifts, stored with their outbox records; 04:00 UTC is 09:00, the morning shift, in Karachi. */
class DriverBehaviourTest {

    private static final Instant T0 = Instant.parse("2026-12-04T04:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @Test
    void eventsScoredPerDriverAndShift() throws Exception {
        TestNode node = new TestNode(T0);
        DriverBehaviour behaviour = new DriverBehaviour(node.dataSource, DrivingSettings.from(DrivingRulesTest.config(Map.of())),
                node.frontOffice, node.clock);
        behaviour.assign("AMB-LHR-101", "DRV-7", "supervisor1");

        List<DriverEvent> available = behaviour.position("AMB-LHR-101", fix(0, 105));
        List<DriverEvent> unassigned = behaviour.position("AMB-LHR-102", fix(0, 70));
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(T0, null, IncidentType.FIRE, new Location(31.5106, 74.3428, null)));
        node.frontOffice.dispatch(call.incidentId(), "AMB-LHR-102", "op1");
        List<DriverEvent> responding = behaviour.position("AMB-LHR-102", fix(10, 95));
        List<DriverEvent> night = behaviour.position("AMB-LHR-101", fix(-4 * 3600, 120));

        assertEquals(List.of(DriverEventType.OVERSPEED, DriverEventType.SPEEDING_WITHOUT_PATIENT), available.stream().map(DriverEvent::type).toList());
        assertEquals("DRV-7", available.get(0).driverId());
        assertEquals("morning", available.get(0).shift());
        assertEquals(DAY, available.get(0).shiftDay());
        assertEquals(1, unassigned.size());
        assertNull(unassigned.get(0).driverId());
        assertEquals(List.of(), responding, "95 km/h on the way to a scene is within the ambulance limit");
        assertEquals(List.of(), night, "a fix older than the vehicle's latest is ignored");

        List<DriverScore> scores = behaviour.scores(DAY, null);
        assertEquals(2, scores.size());
        assertEquals(new DriverScore("DRV-7", DAY, "morning", Map.of(DriverEventType.OVERSPEED, 1, DriverEventType.SPEEDING_WITHOUT_PATIENT, 1), 90),
                scores.get(0));
        assertEquals(new DriverScore(null, DAY, "morning", Map.of(DriverEventType.SPEEDING_WITHOUT_PATIENT, 1), 95), scores.get(1));
        assertEquals(List.of(), behaviour.scores(DAY, "night"));
        assertEquals(3, behaviour.events(T0, T0.plusSeconds(60)).size());

        List<String> outbox = node.outbox(DrivingTables.EVENT_RECORD);
        assertEquals(3, outbox.size());
        assertTrue(outbox.get(0).contains("\"driverId\":\"DRV-7\""), outbox.get(0));
        assertTrue(outbox.get(0).contains("\"type\":\"overspeed\""), outbox.get(0));
        assertTrue(outbox.get(0).contains("\"shiftDay\":\"2026-12-04\""), outbox.get(0));
        assertEquals(1, node.outbox(DrivingTables.ASSIGNMENT_RECORD).size());
    }

    @Test
    void assignmentSurvivesRestart() throws Exception {
        TestNode node = new TestNode(T0);
        DrivingSettings settings = DrivingSettings.from(DrivingRulesTest.config(Map.of()));
        new DriverBehaviour(node.dataSource, settings, node.frontOffice, node.clock).assign("AMB-LHR-101", "DRV-7", "supervisor1");
        DriverBehaviour restarted = new DriverBehaviour(node.dataSource, settings, node.frontOffice, node.clock);
        restarted.assign("AMB-LHR-102", "DRV-8", "supervisor1");
        restarted.assign("AMB-LHR-102", "DRV-9", "supervisor1");

        assertEquals(Map.of("AMB-LHR-101", "DRV-7", "AMB-LHR-102", "DRV-9"), restarted.assignments());
    }

    @Test
    void invalidAssignmentRejected() throws Exception {
        TestNode node = new TestNode(T0);
        DriverBehaviour behaviour = new DriverBehaviour(node.dataSource, DrivingSettings.from(DrivingRulesTest.config(Map.of())),
                node.frontOffice, node.clock);

        IllegalArgumentException vehicle = assertThrows(IllegalArgumentException.class, () -> behaviour.assign("AMB-X", "DRV-7", "s"));
        IllegalArgumentException driver = assertThrows(IllegalArgumentException.class, () -> behaviour.assign("AMB-LHR-101", "DRV 7", "s"));
        IllegalArgumentException shift = assertThrows(IllegalArgumentException.class, () -> behaviour.scores(DAY, "late"));

        assertEquals("vehicle 'AMB-X' is not in the fleet; the console completes the fleet's vehicle ids", vehicle.getMessage());
        assertEquals("driver id 'DRV 7' is invalid; use 1-64 letters, digits, '.', '_' or '-'", driver.getMessage());
        assertTrue(shift.getMessage().startsWith("shift 'late' is unknown; use one of"), shift.getMessage());
    }

    private static PositionFix fix(long second, double speedKmh) {
        return new PositionFix("TRK-1", T0.plusSeconds(second), 31.5, 74.3, null, speedKmh, null, 8, 1.0, true);
    }
}
