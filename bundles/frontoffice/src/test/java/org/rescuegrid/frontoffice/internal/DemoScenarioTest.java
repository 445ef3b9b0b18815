package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioResult;

/** Plays the demo's busy hour in Faisalabad with its written-out expectations, as the demo node does. */
class DemoScenarioTest {

    @Test
    void busyHourMeetsExpectations() throws Exception {
        Scenario scenario = Scenario.parse("demo", Files.readString(TestNode.ETC.resolve("rescuegrid-demo-busy-hour.scn"), StandardCharsets.UTF_8));
        TestNode node = new TestNode(scenario.start());

        ScenarioResult result = new ScenarioPlayer(node, Double.POSITIVE_INFINITY).play(scenario);

        assertEquals(List.of(), result.mismatches());
        Instant end = scenario.start().plus(Duration.ofHours(2));
        Kpi faisalabad = node.frontOffice.kpi(scenario.start(), end, "Faisalabad", "morning");
        Kpi lahore = node.frontOffice.kpi(scenario.start(), end, "Lahore", null);
        // Calls without a place count for the default district, "main" in the test configuration.
        assertEquals(7L, faisalabad.callsByDisposition().get(Disposition.EMERGENCY));
        assertEquals(0L, faisalabad.callsByDisposition().get(Disposition.NUISANCE));
        assertEquals(6, faisalabad.responded());
        assertEquals(5, faisalabad.withinTarget());
        assertEquals(new Kpi.Stats(6, Duration.ofMillis(355_833), Duration.ofSeconds(365), Duration.ofSeconds(460)), faisalabad.response());
        assertEquals(0, lahore.responded());
    }

    @Test
    void busyHourMovedKeepsItsTimes() throws Exception {
        Scenario scenario = Scenario.parse("demo", Files.readString(TestNode.ETC.resolve("rescuegrid-demo-busy-hour.scn"), StandardCharsets.UTF_8));
        Instant later = scenario.start().plus(Duration.ofDays(3).plusMinutes(7));
        Scenario moved = scenario.withStart(later);
        TestNode node = new TestNode(later);

        ScenarioResult result = new ScenarioPlayer(node, Double.POSITIVE_INFINITY).play(moved);

        assertEquals(List.of(), result.mismatches());
        assertEquals(scenario.events().size(), moved.events().size());
    }
}
