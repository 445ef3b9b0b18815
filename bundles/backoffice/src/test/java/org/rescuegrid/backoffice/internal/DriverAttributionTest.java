package org.rescuegrid.backoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.VehicleType;

/**
 * Driver-behaviour events attributed through the roster, with the rota of AMB-LHR-101 changed from S-201 to
 * S-202 at 07:00 in the middle of the morning shift (03:00 to 11:00 UTC).
 */
class DriverAttributionTest {

    private static final Instant START = Instant.parse("2026-12-04T05:00:00Z");
    private static final Instant CHANGE = Instant.parse("2026-12-04T07:00:00Z");

    @TempDir
    Path directory;

    private TestBackOffice backOffice;

    @BeforeEach
    void start() throws SQLException, IOException {
        backOffice = new TestBackOffice(directory, START);
        backOffice.driverBehaviour.events.add(event("E1", "AMB-LHR-101", DriverEventType.OVERSPEED, "2026-12-04T06:30:00Z"));
        backOffice.driverBehaviour.events.add(event("E2", "AMB-LHR-101", DriverEventType.HARSH_BRAKING, "2026-12-04T08:00:00Z"));
        backOffice.driverBehaviour.events.add(event("E3", "AMB-LHR-101", DriverEventType.OVERSPEED, "2026-12-04T08:30:00Z"));
        backOffice.driverBehaviour.events.add(event("E4", "AMB-LHR-102", DriverEventType.LONG_IDLING, "2026-12-04T06:45:00Z"));
        backOffice.frontOffice.advanceTo(CHANGE);
        String rota = Files.readString(directory.resolve("rota.csv")).replace("*,morning,S-201,AMB-LHR-101", "*,morning,S-202,AMB-LHR-101");
        backOffice.roster().replace("rota", rota, Actor.console("adm"));
    }

    @Test
    void rosterChangeMidShiftMovesOnlyLaterEvents() {
        List<DriverAttribution.AttributedEvent> events = backOffice.driverEvents(START, Instant.parse("2026-12-04T11:00:00Z"));

        assertEquals(List.of("E1 S-201", "E4 S-203", "E2 S-202", "E3 S-202"), events.stream()
                .sorted(java.util.Comparator.comparing(e -> e.event().time()))
                .map(e -> e.event().eventId() + " " + e.staffId()).toList());
        assertEquals("morning", events.get(0).shift());
        assertEquals("Lahore", events.get(0).district());
    }

    @Test
    void scoresByPersonIncludeDriverEvents() {
        List<DriverAttribution.Tally> tallies = DriverAttribution.tally(backOffice.driverEvents(START, Instant.parse("2026-12-04T11:00:00Z")),
                DriverAttribution.key("staff"));

        assertEquals(List.of(new DriverAttribution.Tally("S-202", 2, Map.of("harsh-braking", 1, "overspeed", 1)),
                new DriverAttribution.Tally("S-201", 1, Map.of("overspeed", 1)),
                new DriverAttribution.Tally("S-203", 1, Map.of("long-idling", 1))), tallies);
    }

    @Test
    void rosterHistorySurvivesRestart() throws SQLException {
        RosterFiles restarted = new RosterFiles(directory.resolve("staff.csv"), directory.resolve("shifts.csv"), directory.resolve("rota.csv"),
                backOffice.audit, new BackOfficeDatabase(backOffice.dataSource), backOffice.frontOffice.clock());

        assertEquals(2, restarted.history().size());
        assertEquals(CHANGE, restarted.history().get(1).from());
        assertEquals("S-201", restarted.at(Instant.parse("2026-12-04T06:30:00Z")).onDuty("AMB-LHR-101", Instant.parse("2026-12-04T06:30:00Z"))
                .get(0).staff().staffId());
        assertEquals("S-202", restarted.at(Instant.parse("2026-12-04T08:00:00Z")).onDuty("AMB-LHR-101", Instant.parse("2026-12-04T08:00:00Z"))
                .get(0).staff().staffId());
    }

    private static DriverEvent event(String id, String vehicleId, DriverEventType type, String time) {
        return new DriverEvent(id, vehicleId, VehicleType.AMBULANCE, null, type, Instant.parse(time), 95.0, 60.0, null, false, "morning",
                LocalDate.parse("2026-12-04"));
    }
}
