package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.KpiCalendar;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Shift;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;

/**
 * KPIs split by district and shift on a hand-checked morning in Asia/Karachi (UTC+5): the night shift ends
 * at 03:00 UTC. Lahore has incident A at night (response 6:00) and B and C in the morning (7:30 and 5:00);
 * Karachi has K at night (10:00). Every call is handled in 10 s.
 */
class ScopedKpisTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final Location LIBERTY = new Location(31.5106, 74.3428, null);
    private static final Location KALMA = new Location(31.5045, 74.3315, null);
    private static final Location DATA_DARBAR = new Location(31.5790, 74.3037, null);
    private static final Location EMPRESS_MARKET = new Location(24.8605, 67.0290, null);

    private TestNode node;
    private KpiCalendar calendar;

    @BeforeEach
    void playMorning() throws Exception {
        node = new TestNode(at("02:00:00"), Map.of("defaultDistrict", "Lahore"));
        calendar = node.frontOffice.kpiCalendar();
        incident("02:30:00", IncidentType.FIRE, LIBERTY, "FIRE-LHR-211", "02:31:00", "02:36:00");
        nonEmergency("02:35:00", Disposition.NUISANCE);
        incident("02:40:00", IncidentType.MEDICAL_EMERGENCY, EMPRESS_MARKET, "AMB-KHI-111", "02:41:30", "02:50:00");
        incident("03:10:00", IncidentType.ROAD_TRAFFIC_ACCIDENT, KALMA, "AMB-LHR-102", "03:11:00", "03:17:30");
        incident("03:20:00", IncidentType.MEDICAL_EMERGENCY, DATA_DARBAR, "AMB-LHR-101", "03:20:40", "03:25:00");
        nonEmergency("03:30:00", Disposition.NUISANCE);
        nonEmergency("03:31:00", Disposition.WRONG_NUMBER);
        nonEmergency("03:32:00", Disposition.BLANK);
    }

    @Test
    void lahoreMorningShift() {
        KpiCalendar.ShiftDay morning = calendar.on(calendar.shift("morning").orElseThrow(), DAY);
        assertEquals(at("03:00:00"), morning.start());
        assertEquals(at("11:00:00"), morning.end());

        Kpi kpi = node.frontOffice.kpi(morning.start(), morning.end(), "lahore", "Morning");

        assertEquals(2L, kpi.callsByDisposition().get(Disposition.EMERGENCY));
        assertEquals(1L, kpi.callsByDisposition().get(Disposition.NUISANCE));
        assertEquals(1L, kpi.callsByDisposition().get(Disposition.WRONG_NUMBER));
        assertEquals(1L, kpi.callsByDisposition().get(Disposition.BLANK));
        assertEquals(Map.of(IncidentType.ROAD_TRAFFIC_ACCIDENT, 1L, IncidentType.MEDICAL_EMERGENCY, 1L), kpi.incidentsByType());
        assertEquals(2, kpi.responded());
        assertEquals(1, kpi.withinTarget());
        assertEquals(0.5, kpi.shareWithinTarget());
        assertEquals(new Kpi.Stats(2, seconds(375), seconds(300), seconds(450)), kpi.response());
        assertEquals(new Kpi.Stats(2, seconds(10), seconds(10), seconds(10)), kpi.callHandling());
        assertEquals(new Kpi.Stats(2, seconds(40), seconds(30), seconds(50)), kpi.dispatch());
        assertEquals(new Kpi.Stats(2, seconds(325), seconds(260), seconds(390)), kpi.travel());
    }

    @Test
    void shiftKpisSentAfterDelay() throws Exception {
        node.clock.set(at("11:59:59"));
        int early = node.frontOffice.publishShiftKpis();
        node.clock.set(at("12:00:00"));
        int due = node.frontOffice.publishShiftKpis();
        int again = node.frontOffice.publishShiftKpis();

        assertEquals(1, early, "the first call sends the last shift that is due, the night shift");
        assertEquals(1, due, "the morning shift ends at 11:00 UTC and is sent an hour later");
        assertEquals(0, again);
        List<String> records = node.outbox(KpiRecords.RECORD);
        assertEquals(8, records.size(), "two shifts of four districts");
        String lahore = records.stream().filter(r -> r.contains("\"district\":\"Lahore\"") && r.contains("morning")).findFirst().orElseThrow();
        assertTrue(lahore.contains("\"day\":\"2026-12-04\",\"shift\":\"morning\""), lahore);
        assertTrue(lahore.contains("\"responded\":2,\"withinTarget\":1"), lahore);
        assertTrue(lahore.contains("\"response\":{\"count\":2,\"meanSeconds\":375.0,\"medianSeconds\":300.0,\"p90Seconds\":450.0}"), lahore);
        assertTrue(lahore.contains("\"eventId\":\"" + KpiRecords.eventId("Lahore", calendar.on(calendar.shift("morning").orElseThrow(), DAY))),
                lahore);
    }

    @Test
    void lahoreWholeDay() {
        KpiCalendar.Period day = calendar.dayPeriod(DAY);
        assertEquals(Instant.parse("2026-12-03T19:00:00Z"), day.start());
        assertEquals(Instant.parse("2026-12-04T19:00:00Z"), day.end());

        Kpi kpi = node.frontOffice.kpi(day.start(), day.end(), "Lahore", null);

        assertEquals(3L, kpi.callsByDisposition().get(Disposition.EMERGENCY));
        assertEquals(2L, kpi.callsByDisposition().get(Disposition.NUISANCE));
        assertEquals(3, kpi.responded());
        assertEquals(2, kpi.withinTarget());
        assertEquals(new Kpi.Stats(3, seconds(370), seconds(360), seconds(450)), kpi.response());
        // Dispatch took 50 s (A), 50 s (B) and 30 s (C).
        assertEquals(new Kpi.Stats(3, Duration.ofMillis(43_333), seconds(50), seconds(50)), kpi.dispatch());
    }

    @Test
    void karachiNightShift() {
        KpiCalendar.Period day = calendar.dayPeriod(DAY);

        Kpi kpi = node.frontOffice.kpi(day.start(), day.end(), "Karachi", "night");

        assertEquals(1L, kpi.callsByDisposition().get(Disposition.EMERGENCY));
        assertEquals(0L, kpi.callsByDisposition().get(Disposition.NUISANCE));
        assertEquals(Map.of(IncidentType.MEDICAL_EMERGENCY, 1L), kpi.incidentsByType());
        assertEquals(0, kpi.withinTarget());
        assertEquals(new Kpi.Stats(1, seconds(600), seconds(600), seconds(600)), kpi.response());
        assertEquals(new Kpi.Stats(1, seconds(80), seconds(80), seconds(80)), kpi.dispatch());
        assertEquals(new Kpi.Stats(1, seconds(510), seconds(510), seconds(510)), kpi.travel());
    }

    @Test
    void allDistrictsNightShift() {
        KpiCalendar.Period day = calendar.dayPeriod(DAY);

        Kpi kpi = node.frontOffice.kpi(day.start(), day.end(), null, "night");

        assertEquals(2L, kpi.callsByDisposition().get(Disposition.EMERGENCY));
        assertEquals(1L, kpi.callsByDisposition().get(Disposition.NUISANCE));
        assertEquals(2, kpi.responded());
        assertEquals(1, kpi.withinTarget());
        assertEquals(new Kpi.Stats(2, seconds(480), seconds(360), seconds(600)), kpi.response());
    }

    @Test
    void unknownDistrictAndShiftRejected() {
        KpiCalendar.Period day = calendar.dayPeriod(DAY);

        IllegalArgumentException district = assertThrows(IllegalArgumentException.class,
                () -> node.frontOffice.kpi(day.start(), day.end(), "Multan", null));
        IllegalArgumentException shift = assertThrows(IllegalArgumentException.class,
                () -> node.frontOffice.kpi(day.start(), day.end(), null, "afternoon"));

        assertEquals("district 'Multan' is unknown; use one of Faisalabad, Islamabad, Karachi, Lahore", district.getMessage());
        assertTrue(shift.getMessage().startsWith("shift 'afternoon' is unknown; use one of [night=00:00-08:00, morning=08:00-16:00,"),
                shift.getMessage());
    }

    @Test
    void shiftPastMidnightBelongsToItsStartDay() {
        List<Shift> shifts = Shifts.parse("shifts", "day=07:00-19:00,night=19:00-07:00");
        KpiCalendar twoShifts = new KpiCalendar(Shifts.zone("timeZone", "Asia/Karachi"), List.of("Lahore"), shifts);

        KpiCalendar.ShiftDay early = twoShifts.shiftOf(Instant.parse("2026-12-04T01:00:00Z"));

        assertEquals("night", early.shift().name());
        assertEquals(LocalDate.of(2026, 12, 3), early.day());
        assertEquals(Instant.parse("2026-12-03T14:00:00Z"), early.start());
        assertEquals(Instant.parse("2026-12-04T02:00:00Z"), early.end());
        assertEquals(LocalTime.of(19, 0), shifts.get(1).start());
    }

    @Test
    void shiftsWithGapOrOverlapRejected() {
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> Shifts.parse("shifts", "morning=08:00-16:00,night=00:00-08:00"));
        IllegalArgumentException form = assertThrows(IllegalArgumentException.class, () -> Shifts.parse("shifts", "morning 8-16"));
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class, () -> Shifts.zone("timeZone", "Asia/Lahore"));

        assertTrue(gap.getMessage().contains("shift morning ends at 16:00 but the next one starts at 00:00"), gap.getMessage());
        assertTrue(form.getMessage().startsWith("org.rescuegrid.frontoffice: shifts='morning 8-16' is invalid; set comma-separated"),
                form.getMessage());
        assertTrue(zone.getMessage().contains("timeZone='Asia/Lahore' is invalid; set a time zone id"), zone.getMessage());
    }

    private void incident(String received, IncidentType type, Location place, String vehicle, String dispatched, String onScene) {
        node.clock.set(at(received).plusSeconds(10));
        CallRecord call = node.frontOffice.receiveCall(NewCall.emergency(at(received), null, type, place));
        node.clock.set(at(dispatched));
        node.frontOffice.dispatch(call.incidentId(), vehicle, "op1");
        node.clock.set(at(onScene));
        node.frontOffice.recordStep(call.incidentId(), vehicle, Step.ON_SCENE, at(onScene), StepSource.OPERATOR, "op1");
    }

    private void nonEmergency(String received, Disposition disposition) {
        node.clock.set(at(received));
        node.frontOffice.receiveCall(new NewCall(at(received), "0300111" + received.replace(":", ""), null, null, null, null, 0, null,
                disposition, null, false, "op1"));
    }

    private static Instant at(String utcTime) {
        return Instant.parse("2026-12-04T" + utcTime + "Z");
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
