package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;

/**
 * Fleet speeds per cell and hour: two moving fixes at Liberty Market (cell row 630, column 1486) at 30 and
 * 50 km/h between 09:00 and 10:00 UTC give a mean of 40 km/h, congestion 1 - 40/50 = 0.2.
 */
class TrafficTest {

    private static final Instant NINE = Instant.parse("2026-12-04T09:00:00Z");
    private static final Location LIBERTY = new Location(31.5106, 74.3428, null);

    @Test
    void completedHourReachesOutbox() throws Exception {
        TestNode node = drive();

        List<String> records = node.outbox(TrafficRecords.RECORD);

        assertEquals(1, records.size());
        String record = records.get(0);
        assertTrue(record.contains("\"hour\":\"2026-12-04T09:00:00Z\""), record);
        assertTrue(record.contains("\"row\":630,\"column\":1486,\"latitude\":31.525,\"longitude\":74.325,\"district\":\"Lahore\""), record);
        assertTrue(record.contains("\"samples\":2,\"meanSpeedKmh\":40.0,\"congestion\":0.2"), record);
        assertTrue(record.contains("\"freeFlowKmh\":50.0"), record);
    }

    @Test
    void hourReportedOnce() throws Exception {
        TestNode node = drive();
        node.frontOffice.position("AMB-LHR-101", fix(NINE.plusSeconds(3600 + 60), 20));
        node.frontOffice.position("AMB-LHR-101", fix(NINE.plusSeconds(2 * 3600 + 10), 20));

        List<String> records = node.outbox(TrafficRecords.RECORD);

        assertEquals(2, records.size(), "hours 09 and 10, each once");
        assertTrue(records.get(1).contains("\"hour\":\"2026-12-04T10:00:00Z\""), records.get(1));
        assertTrue(records.get(1).contains("\"samples\":1,\"meanSpeedKmh\":20.0,\"congestion\":0.6"), records.get(1));
    }

    @Test
    void etaUsesSameHourOfEarlierDay() throws Exception {
        TestNode node = drive();
        Instant nextDay = NINE.plusSeconds(86_400 + 1800);
        node.clock.set(nextDay);
        CallRecord morning = node.frontOffice.receiveCall(NewCall.emergency(nextDay, null, IncidentType.MEDICAL_EMERGENCY, LIBERTY));
        Recommendation atNine = node.frontOffice.recommend(morning.incidentId()).get(0);
        node.clock.set(nextDay.plusSeconds(3600));
        Recommendation atTen = node.frontOffice.recommend(morning.incidentId()).get(0);

        assertEquals(40.0, atNine.speedKmh(), 1e-9, "mean of 09:00-10:00 on the day before");
        assertEquals(30.0, atTen.speedKmh(), 1e-9, "no history for 10:00 there, so the default speed");
    }

    private static TestNode drive() throws Exception {
        TestNode node = new TestNode(NINE);
        node.frontOffice.position("AMB-LHR-101", fix(NINE.plusSeconds(600), 30));
        node.frontOffice.position("AMB-LHR-101", fix(NINE.plusSeconds(610), 50));
        node.frontOffice.position("AMB-LHR-101", fix(NINE.plusSeconds(620), 2));
        node.frontOffice.position("AMB-LHR-101", fix(NINE.plusSeconds(3605), 0));
        return node;
    }

    private static PositionFix fix(Instant time, double speedKmh) {
        return new PositionFix("TRK-1", time, LIBERTY.latitude(), LIBERTY.longitude(), null, speedKmh, null, 8, 1.0, true);
    }
}
