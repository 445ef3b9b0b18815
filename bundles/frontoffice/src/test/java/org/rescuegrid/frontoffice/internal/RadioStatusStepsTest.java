package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;

/** Radio unit statuses as incident steps, and which source wins when GPS reports the same step. */
class RadioStatusStepsTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final Location LIBERTY = new Location(31.5106, 74.3428, null);

    @Test
    void radioFirstWins() throws Exception {
        TestNode node = new TestNode(START);
        String incidentId = dispatchedIncident(node);
        RadioStatusSteps radio = new RadioStatusSteps(node.frontOffice);

        node.clock.set(START.plusSeconds(400));
        assertEquals(List.of(Step.LEFT_STATION), radio.apply("AMB-LHR-101", "en-route", START.plusSeconds(75)));
        assertEquals(List.of(Step.ON_SCENE), radio.apply("AMB-LHR-101", "on-scene", START.plusSeconds(390)));
        node.frontOffice.recordStep(incidentId, "AMB-LHR-101", Step.ON_SCENE, START.plusSeconds(395), StepSource.GPS, "gps");

        Assignment vehicle = node.frontOffice.incident(incidentId).orElseThrow().vehicle("AMB-LHR-101").orElseThrow();
        assertEquals(START.plusSeconds(75), vehicle.steps().get(Step.LEFT_STATION));
        assertEquals(StepSource.RADIO, vehicle.sources().get(Step.LEFT_STATION));
        assertEquals(START.plusSeconds(390), vehicle.steps().get(Step.ON_SCENE));
        assertEquals(StepSource.RADIO, vehicle.sources().get(Step.ON_SCENE));
        assertEquals(1, auditedReports(node, incidentId, "GPS"), "the later GPS arrival is kept for audit");
    }

    @Test
    void gpsFirstWins() throws Exception {
        TestNode node = new TestNode(START);
        String incidentId = dispatchedIncident(node);
        RadioStatusSteps radio = new RadioStatusSteps(node.frontOffice);
        node.clock.set(START.plusSeconds(400));
        node.frontOffice.recordStep(incidentId, "AMB-LHR-101", Step.ON_SCENE, START.plusSeconds(380), StepSource.GPS, "gps");

        radio.apply("AMB-LHR-101", "on-scene", START.plusSeconds(399));

        Assignment vehicle = node.frontOffice.incident(incidentId).orElseThrow().vehicle("AMB-LHR-101").orElseThrow();
        assertEquals(START.plusSeconds(380), vehicle.steps().get(Step.ON_SCENE));
        assertEquals(StepSource.GPS, vehicle.sources().get(Step.ON_SCENE));
        assertEquals(1, auditedReports(node, incidentId, "RADIO"), "the later radio arrival is kept for audit");
    }

    @Test
    void hospitalFromSceneLeavesScene() throws Exception {
        TestNode node = new TestNode(START);
        String incidentId = dispatchedIncident(node);
        RadioStatusSteps radio = new RadioStatusSteps(node.frontOffice);
        node.clock.set(START.plusSeconds(1500));
        radio.apply("AMB-LHR-101", "on-scene", START.plusSeconds(400));

        assertEquals(List.of(Step.LEFT_SCENE, Step.AT_HOSPITAL), radio.apply("AMB-LHR-101", "at-hospital", START.plusSeconds(1400)));
        assertEquals(List.of(Step.BACK_IN_SERVICE), radio.apply("AMB-LHR-101", "available", START.plusSeconds(1450)));

        Assignment vehicle = node.frontOffice.incident(incidentId).orElseThrow().vehicle("AMB-LHR-101").orElseThrow();
        assertEquals(START.plusSeconds(1400), vehicle.steps().get(Step.LEFT_SCENE));
        assertEquals(START.plusSeconds(1400), vehicle.steps().get(Step.AT_HOSPITAL));
        assertEquals(START.plusSeconds(1450), vehicle.steps().get(Step.BACK_IN_SERVICE));
    }

    @Test
    void idleVehicleIgnored() throws Exception {
        TestNode node = new TestNode(START);
        RadioStatusSteps radio = new RadioStatusSteps(node.frontOffice);

        assertEquals(List.of(), radio.apply("AMB-LHR-102", "on-scene", START));
        assertEquals(List.of(), radio.apply("NOT-IN-FLEET", "on-scene", START));
    }

    @Test
    void statusMapping() {
        assertEquals(List.of(Step.LEFT_STATION), RadioStatusSteps.steps("en-route", Step.DISPATCHED));
        assertEquals(List.of(Step.LEFT_SCENE), RadioStatusSteps.steps("en-route", Step.ON_SCENE));
        assertEquals(List.of(Step.ON_SCENE), RadioStatusSteps.steps("on-scene", Step.LEFT_STATION));
        assertEquals(List.of(Step.AT_HOSPITAL), RadioStatusSteps.steps("at-hospital", Step.LEFT_SCENE));
        assertEquals(List.of(Step.LEFT_SCENE, Step.BACK_IN_SERVICE), RadioStatusSteps.steps("available", Step.ON_SCENE));
        assertEquals(List.of(Step.BACK_IN_SERVICE), RadioStatusSteps.steps("available", Step.AT_HOSPITAL));
        assertEquals(List.of(), RadioStatusSteps.steps("dispatched", Step.DISPATCHED));
        assertEquals(List.of(), RadioStatusSteps.steps("out-of-service", Step.DISPATCHED));
        assertEquals(List.of(), RadioStatusSteps.steps("unmapped", Step.DISPATCHED));
        assertEquals(List.of(), RadioStatusSteps.steps(null, Step.DISPATCHED));
    }

    private static String dispatchedIncident(TestNode node) {
        String incidentId = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.MEDICAL_EMERGENCY, LIBERTY)).incidentId();
        node.frontOffice.dispatch(incidentId, "AMB-LHR-101", "op1");
        return incidentId;
    }

    private static int auditedReports(TestNode node, String incidentId, String source) throws SQLException {
        try (Connection connection = node.dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM fo_step WHERE incident_id = ? AND source = ? AND NOT accepted")) {
            query.setString(1, incidentId);
            query.setString(2, source);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
