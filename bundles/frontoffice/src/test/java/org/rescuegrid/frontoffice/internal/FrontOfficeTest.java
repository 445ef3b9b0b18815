package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.CallCheck;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;

class FrontOfficeTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final Location LIBERTY = new Location(31.5106, 74.3428, null);

    @Test
    void everyChangeReachesOutbox() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, "03001234567", IncidentType.FIRE, LIBERTY));
        node.clock.advance(Duration.ofSeconds(30));
        node.frontOffice.dispatch(call.incidentId(), "FIRE-LHR-211", "op1");

        List<String> calls = node.outbox(FrontOfficeTables.CALL_RECORD);
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).contains("\"callerNumber\":\"********567\""), calls.get(0));
        assertFalse(calls.get(0).contains("03001234567"), "the caller number leaves the node masked");
        assertEquals(1, node.outbox(FrontOfficeTables.INCIDENT_RECORD).size());
        List<String> steps = node.outbox(FrontOfficeTables.STEP_RECORD);
        // call received, created, the vehicle's dispatch and the incident's first dispatch
        assertEquals(4, steps.size(), steps.toString());
        assertTrue(steps.get(2).contains("\"vehicleId\":\"FIRE-LHR-211\""), steps.get(2));
        assertTrue(steps.get(2).contains("\"step\":\"dispatched\""), steps.get(2));
    }

    @Test
    void alertRaisedOnceAtWarning() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.DROWNING, LIBERTY));
        node.advanceTo(START.plusSeconds(299));
        assertEquals(List.of(), node.alerts);

        node.advanceTo(START.plusSeconds(400));

        assertEquals(1, node.alerts.size());
        assertEquals(call.incidentId(), node.alerts.get(0).incidentId());
        assertEquals(Duration.ofSeconds(300), node.alerts.get(0).elapsed());
        assertEquals(1, node.outbox(FrontOfficeTables.ALERT_RECORD).size());
    }

    @Test
    void openIncidentsSurviveRestart() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.FIRE, LIBERTY));
        node.frontOffice.dispatch(call.incidentId(), "FIRE-LHR-211", "op1");

        FrontOffice restarted = new FrontOffice(new FrontOfficeDatabase(node.dataSource), FrontOfficeSettings.from(TestNode.config(Map.of()),
                TestNode.ETC), Gazetteer.read(TestNode.ETC.resolve("rescuegrid-gazetteer.csv")),
                Fleet.read(TestNode.ETC.resolve("rescuegrid-vehicles.csv"), Gazetteer.read(TestNode.ETC.resolve("rescuegrid-gazetteer.csv"))),
                node.clock);

        Incident incident = restarted.openIncidents().get(0);
        assertEquals(call.incidentId(), incident.incidentId());
        assertEquals(START, incident.time(Step.DISPATCHED));
        assertEquals(StepSource.OPERATOR, incident.vehicle("FIRE-LHR-211").orElseThrow().sources().get(Step.DISPATCHED));
        IllegalStateException busy = assertThrows(IllegalStateException.class,
                () -> restarted.dispatch(restarted.receiveCall(NewCall.emergency(START, null, IncidentType.FIRE,
                        new Location(31.40, 74.20, null))).incidentId(), "FIRE-LHR-211", "op1"));
        assertTrue(busy.getMessage().contains("committed to incident " + call.incidentId()), busy.getMessage());
        CallRecord next = restarted.receiveCall(new NewCall(START, null, null, null, null, null, 0, null, Disposition.BLANK, null, false, "op1"));
        assertEquals("CALL-000003", next.callId(), "numbering goes on after the restart");
    }

    @Test
    void recommendationUsesRecentFixAndFleetSpeed() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.MEDICAL_EMERGENCY, LIBERTY));
        // AMB-LHR-103 is 1 km north of the scene, moving at 36 km/h; no other moving fixes nearby.
        node.frontOffice.position("AMB-LHR-103", fix("TRK-9", START.minusSeconds(5), 31.5106 + 1000 / 111_195.0, 74.3428, 36.0));

        List<Recommendation> ranked = node.frontOffice.recommend(call.incidentId());

        Recommendation first = ranked.get(0);
        assertEquals("AMB-LHR-103", first.vehicleId());
        assertTrue(first.fromGps());
        assertEquals(1.4, first.roadDistanceKm(), 0.01);
        assertEquals(36.0, first.speedKmh(), 1e-9);
        assertEquals(140, first.eta().toSeconds(), 1);
        Recommendation fromStation = ranked.get(1);
        assertFalse(fromStation.fromGps());
        assertNull(fromStation.positionTime());
    }

    @Test
    void staleFixFallsBackToStation() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.MEDICAL_EMERGENCY, LIBERTY));
        node.frontOffice.position("AMB-LHR-103", fix("TRK-9", START.minus(Duration.ofMinutes(16)), 31.5106, 74.3428, 0.0));

        Recommendation johar = node.frontOffice.recommend(call.incidentId()).stream()
                .filter(r -> r.vehicleId().equals("AMB-LHR-103")).findFirst().orElseThrow();

        assertFalse(johar.fromGps(), "a fix older than 15 minutes is not a position");
        assertEquals(30.0, johar.speedKmh(), 1e-9);
    }

    @Test
    void duplicateOfferedOnlyForSameTypeNearby() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord first = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.FIRE, LIBERTY));
        Location near = new Location(31.5106 + 400 / 111_195.0, 74.3428, null);
        Location far = new Location(31.5106 + 600 / 111_195.0, 74.3428, null);

        CallCheck sameType = node.frontOffice.check(NewCall.emergency(START.plusSeconds(60), null, IncidentType.FIRE, near));
        CallCheck otherType = node.frontOffice.check(NewCall.emergency(START.plusSeconds(60), null, IncidentType.DROWNING, near));
        CallCheck tooFar = node.frontOffice.check(NewCall.emergency(START.plusSeconds(60), null, IncidentType.FIRE, far));
        node.clock.advance(Duration.ofSeconds(3601));
        CallCheck tooLate = node.frontOffice.check(NewCall.emergency(START.plusSeconds(3601), null, IncidentType.FIRE, near));

        assertEquals(first.incidentId(), sameType.duplicates().get(0).incidentId());
        assertEquals(400, sameType.duplicates().get(0).distanceMeters(), 1);
        assertEquals(List.of(), otherType.duplicates());
        assertEquals(List.of(), tooFar.duplicates());
        assertEquals(List.of(), tooLate.duplicates());
    }

    @Test
    void stepBeforePreviousStepRejected() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.FIRE, LIBERTY));
        node.clock.advance(Duration.ofMinutes(1));
        node.frontOffice.dispatch(call.incidentId(), "FIRE-LHR-211", "op1");

        IllegalStateException early = assertThrows(IllegalStateException.class, () -> node.frontOffice.recordStep(call.incidentId(),
                "FIRE-LHR-211", Step.ON_SCENE, START.plusSeconds(30), StepSource.OPERATOR, "op1"));
        IllegalStateException notDispatched = assertThrows(IllegalStateException.class, () -> node.frontOffice.recordStep(call.incidentId(),
                "AMB-LHR-101", Step.ON_SCENE, null, StepSource.OPERATOR, "op1"));

        assertTrue(early.getMessage().startsWith("on-scene at 2026-12-04T10:00:30Z is before dispatched at 2026-12-04T10:01:00Z"), early.getMessage());
        assertTrue(notDispatched.getMessage().contains("is not dispatched to incident"), notDispatched.getMessage());
    }

    @Test
    void reclassifiedCallCountsUnderNewDisposition() throws Exception {
        TestNode node = new TestNode(START);
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(START, "03004440000", IncidentType.FIRE, LIBERTY));

        CallRecord fake = node.frontOffice.reclassify(call.callId(), Disposition.FAKE, "supervisor1");
        Kpi kpi = node.frontOffice.kpi(START, START.plusSeconds(60));

        assertEquals(Disposition.FAKE, fake.disposition());
        assertEquals(1L, kpi.callsByDisposition().get(Disposition.FAKE));
        assertEquals(0L, kpi.callsByDisposition().get(Disposition.EMERGENCY));
        assertEquals(1, node.frontOffice.check(NewCall.emergency(START, "03004440000", IncidentType.FIRE, LIBERTY)).nuisanceCalls());
        assertEquals(1, node.outbox(FrontOfficeTables.RECLASSIFIED_RECORD).size());
        assertThrows(IllegalArgumentException.class, () -> node.frontOffice.reclassify(call.callId(), Disposition.EMERGENCY, "supervisor1"));
    }

    @Test
    void kpiPercentilesByNearestRank() {
        List<Duration> values = List.of(Duration.ofSeconds(300), Duration.ofSeconds(100), Duration.ofSeconds(500), Duration.ofSeconds(200),
                Duration.ofSeconds(400), Duration.ofSeconds(600), Duration.ofSeconds(700), Duration.ofSeconds(800), Duration.ofSeconds(900),
                Duration.ofSeconds(1000));

        Kpi.Stats stats = Kpis.stats(values);

        assertEquals(10, stats.count());
        assertEquals(Duration.ofSeconds(550), stats.mean());
        assertEquals(Duration.ofSeconds(500), stats.median());
        assertEquals(Duration.ofSeconds(900), stats.p90());
    }

    @Test
    void invalidSettingNamedWithPid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrontOfficeSettings.from(TestNode.config(Map.of("leaveRadiusMeters", 50)), TestNode.ETC));

        assertEquals("org.rescuegrid.frontoffice: leaveRadiusMeters='50' is invalid; set a number from 100 to 20000", e.getMessage());
    }

    private static org.rescuegrid.api.position.PositionFix fix(String device, Instant time, double lat, double lon, double speed) {
        return new org.rescuegrid.api.position.PositionFix(device, time, lat, lon, null, speed, null, 8, 1.0, true);
    }

    @Test
    void implausibleCallTimeRejected() throws Exception {
        TestNode node = new TestNode(START);

        IllegalArgumentException epoch = assertThrows(IllegalArgumentException.class,
                () -> node.frontOffice.receiveCall(NewCall.emergency(Instant.EPOCH, "03001234567", IncidentType.FIRE, LIBERTY)));
        IllegalArgumentException future = assertThrows(IllegalArgumentException.class,
                () -> node.frontOffice.receiveCall(NewCall.emergency(START.plusSeconds(120), "03001234567", IncidentType.FIRE, LIBERTY)));

        assertTrue(epoch.getMessage().contains("call received at 1970-01-01T00:00:00Z is outside the accepted window from"
                + " 2026-12-03T10:00:00Z to 2026-12-04T10:01:00Z"), epoch.getMessage());
        assertTrue(future.getMessage().contains("2026-12-04T10:02:00Z is outside the accepted window"), future.getMessage());
        assertEquals(List.of(), node.frontOffice.openIncidents());
        assertEquals(List.of(), node.outbox(FrontOfficeTables.CALL_RECORD));
        node.frontOffice.receiveCall(NewCall.emergency(START.minus(Duration.ofHours(23)), "03001234567", IncidentType.FIRE, LIBERTY));
    }

    @Test
    void callerNumberForm() throws Exception {
        TestNode node = new TestNode(START);

        IllegalArgumentException script = assertThrows(IllegalArgumentException.class,
                () -> node.frontOffice.receiveCall(NewCall.emergency(START, "<script>alert(1)</script>", IncidentType.FIRE, LIBERTY)));

        assertTrue(script.getMessage().startsWith("caller number '<script>alert(1)</script>' is invalid; write a phone number of 3 to 20 digits"),
                script.getMessage());
        for (String bad : List.of("12", "+", "0300--1234567", "0300 1234567 ", "++923001234567", "123456789012345678901")) {
            assertThrows(IllegalArgumentException.class, () -> node.frontOffice.check(NewCall.emergency(START, bad, IncidentType.FIRE, LIBERTY)),
                    bad);
        }
        for (String good : List.of("1122", "03001234567", "+92 300 123-4567", "0300-1234567")) {
            node.frontOffice.check(NewCall.emergency(START, good, IncidentType.FIRE, LIBERTY));
        }
    }
}
