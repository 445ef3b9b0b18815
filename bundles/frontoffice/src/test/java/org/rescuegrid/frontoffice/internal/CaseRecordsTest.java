package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.AssistanceKind;
import org.rescuegrid.frontoffice.AssistanceRecipient;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.IncidentOutcome;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;

/** Technical assistance and outcomes: stored on the incident and sent to HQ through the outbox. */
class CaseRecordsTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final Location LIBERTY = new Location(31.5106, 74.3428, null);

    @Test
    void assistanceStoredAndSent() throws Exception {
        TestNode node = new TestNode(START);
        String incidentId = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.MEDICAL_EMERGENCY, LIBERTY)).incidentId();
        node.frontOffice.dispatch(incidentId, "AMB-LHR-101", "op1");
        node.clock.advance(Duration.ofMinutes(3));

        Assistance toCaller = node.frontOffice.addAssistance(incidentId, new Assistance(null, null, START.plusSeconds(60), "op1",
                AssistanceRecipient.CALLER, null, AssistanceKind.FIRST_AID_INSTRUCTION, "Keep pressure on the wound", null), "op1");
        node.frontOffice.addAssistance(incidentId, new Assistance(null, null, null, "Dr. Rabia", AssistanceRecipient.CREW, "AMB-LHR-101",
                AssistanceKind.DOCTOR_ADVICE, "Give oxygen, no fluids", null), "op1");

        List<Assistance> stored = node.frontOffice.assistance(incidentId);
        assertEquals(2, stored.size());
        assertEquals(toCaller, stored.get(0));
        assertEquals(START.plusSeconds(60), stored.get(0).givenAt());
        assertEquals(START.plusSeconds(180), stored.get(1).givenAt(), "no time means the node's time");
        assertEquals("AMB-LHR-101", stored.get(1).vehicleId());
        List<String> sent = node.outbox(CaseTables.ASSISTANCE_RECORD);
        assertEquals(2, sent.size());
        assertTrue(sent.get(0).contains("\"kind\":\"first-aid-instruction\""), sent.get(0));
        assertTrue(sent.get(0).contains("\"givenAt\":\"2026-12-04T10:01:00Z\""), sent.get(0));
        assertTrue(sent.get(0).contains("\"eventId\":\"" + toCaller.assistanceId() + "\""), sent.get(0));
        assertTrue(sent.get(1).contains("\"givenBy\":\"Dr. Rabia\""), sent.get(1));
    }

    @Test
    void assistanceRejections() throws Exception {
        TestNode node = new TestNode(START);
        String incidentId = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.FIRE, LIBERTY)).incidentId();

        IllegalArgumentException early = assertThrows(IllegalArgumentException.class, () -> node.frontOffice.addAssistance(incidentId,
                assistance(START.minusSeconds(1), null), "op1"));
        IllegalArgumentException future = assertThrows(IllegalArgumentException.class, () -> node.frontOffice.addAssistance(incidentId,
                assistance(START.plusSeconds(120), null), "op1"));
        IllegalArgumentException crew = assertThrows(IllegalArgumentException.class, () -> node.frontOffice.addAssistance(incidentId,
                new Assistance(null, null, null, "op1", AssistanceRecipient.CREW, "FIRE-LHR-211", AssistanceKind.SAFETY_INSTRUCTION, "x", null),
                "op1"));

        assertTrue(early.getMessage().contains("is before the first call"), early.getMessage());
        assertTrue(future.getMessage().contains("is in the future"), future.getMessage());
        assertTrue(crew.getMessage().contains("vehicle FIRE-LHR-211 is not dispatched to incident"), crew.getMessage());
        assertEquals(List.of(), node.outbox(CaseTables.ASSISTANCE_RECORD));
    }

    @Test
    void outcomeStoredWithClose() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.ROAD_TRAFFIC_ACCIDENT, LIBERTY));
        String incidentId = call.incidentId();
        node.frontOffice.dispatch(incidentId, "AMB-LHR-101", "op1");
        node.clock.advance(Duration.ofMinutes(20));
        node.frontOffice.recordStep(incidentId, "AMB-LHR-101", Step.BACK_IN_SERVICE, null, StepSource.OPERATOR, "op1");
        assertEquals(Optional.empty(), node.frontOffice.outcome(incidentId));

        node.frontOffice.close(incidentId, new IncidentOutcome(4, 1, 3, 1), "sup1");

        assertEquals(Optional.of(new IncidentOutcome(4, 1, 3, 1)), node.frontOffice.outcome(incidentId));
        List<String> sent = node.outbox(CaseTables.OUTCOME_RECORD);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).contains("\"peopleRescued\":4,\"firstAidOnScene\":1,\"takenToHospital\":3,\"deathsOnScene\":1"), sent.get(0));
        assertTrue(sent.get(0).contains("\"recordedBy\":\"sup1\""), sent.get(0));
    }

    @Test
    void outcomeNotStoredWhenCloseFails() throws Exception {
        TestNode node = new TestNode(START);
        String incidentId = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.FIRE, LIBERTY)).incidentId();
        node.frontOffice.dispatch(incidentId, "FIRE-LHR-211", "op1");

        assertThrows(IllegalStateException.class, () -> node.frontOffice.close(incidentId, new IncidentOutcome(1, 1, 0, 0), "sup1"));

        assertEquals(Optional.empty(), node.frontOffice.outcome(incidentId));
        assertEquals(List.of(), node.outbox(CaseTables.OUTCOME_RECORD));
    }

    @Test
    void outcomeFiguresValidated() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new IncidentOutcome(1, 0, 0, -1));
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> new IncidentOutcome(2, 2, 1, 0));

        assertEquals("deathsOnScene -1 is invalid; use a whole number from 0 to 10000", negative.getMessage());
        assertTrue(sum.getMessage().startsWith("firstAidOnScene 2 plus takenToHospital 1 is more than peopleRescued 2"), sum.getMessage());
    }

    private static Assistance assistance(Instant givenAt, String vehicleId) {
        return new Assistance(null, null, givenAt, "op1", AssistanceRecipient.CALLER, vehicleId, AssistanceKind.SAFETY_INSTRUCTION,
                "Leave the building by the stairs", null);
    }
}
