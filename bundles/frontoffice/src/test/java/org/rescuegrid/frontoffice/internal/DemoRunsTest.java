package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioTarget;

/** Checks that the demo replay is recorded once per database and that a stopped replay leaves no incident open. */
class DemoRunsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T05:16:00Z");

    @Test
    void secondStartRejected() throws Exception {
        DemoRuns runs = new DemoRuns(TestNode.database());

        assertTrue(runs.find("rescuegrid-demo-busy-hour.scn").isEmpty());
        assertTrue(runs.start("rescuegrid-demo-busy-hour.scn", NOW));
        assertFalse(runs.start("rescuegrid-demo-busy-hour.scn", NOW.plusSeconds(240)));

        DemoRuns.Run run = runs.find("rescuegrid-demo-busy-hour.scn").orElseThrow();
        assertEquals(NOW, run.startedAt());
        assertEquals(null, run.outcome());
        runs.finish("rescuegrid-demo-busy-hour.scn", NOW.plusSeconds(180), "finished, every expectation met");
        assertEquals("finished, every expectation met", runs.find("rescuegrid-demo-busy-hour.scn").orElseThrow().outcome());
    }

    @Test
    void stoppedReplayClosesIncidents() throws Exception {
        Scenario scenario = Scenario.parse("demo", Files.readString(TestNode.ETC.resolve("rescuegrid-demo-busy-hour.scn"), StandardCharsets.UTF_8));
        TestNode node = new TestNode(scenario.start());
        Instant stopAt = scenario.start().plus(Duration.ofMinutes(25));
        ScenarioTarget stopping = new ScenarioTarget() {
            @Override
            public FrontOfficeService frontOffice() {
                return node.frontOffice;
            }

            @Override
            public void advanceTo(Instant time) {
                if (time.isAfter(stopAt)) {
                    throw new IllegalStateException("scenario stopped");
                }
                node.advanceTo(time);
            }

            @Override
            public void position(String vehicleId, PositionFix fix) {
                node.position(vehicleId, fix);
            }
        };
        ScenarioPlayer player = new ScenarioPlayer(stopping, Double.POSITIVE_INFINITY);
        assertThrows(IllegalStateException.class, () -> player.play(scenario));
        List<Incident> leftOpen = node.frontOffice.openIncidents();
        assertFalse(leftOpen.isEmpty(), "the stop falls while incidents are open");
        assertTrue(leftOpen.stream().anyMatch(i -> !i.vehicles().isEmpty()), "one of them has a vehicle out: " + leftOpen);

        int closed = DemoScenarioComponent.closeOpenIncidents(node.frontOffice, player.incidents().values());

        assertEquals(leftOpen.size(), closed);
        assertEquals(List.of(), node.frontOffice.openIncidents());
    }
}
