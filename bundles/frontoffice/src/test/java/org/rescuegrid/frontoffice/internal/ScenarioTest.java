package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioResult;

/** Runs the scenarios with their hand-checked expectations against a front office with a test clock. */
class ScenarioTest {

    @Test
    void arrivalsEitherSideOfSevenMinutes() throws Exception {
        assertPasses("response-standard.scn");
    }

    @Test
    void driftAtSceneAndSilentTracker() throws Exception {
        assertPasses("drift-and-silence.scn");
    }

    @Test
    void nuisanceDuplicateAndLastAmbulance() throws Exception {
        assertPasses("calls-and-competition.scn");
    }

    static Scenario load(String name) throws IOException {
        try (InputStream in = ScenarioTest.class.getResourceAsStream("/scenarios/" + name)) {
            return Scenario.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertPasses(String name) throws Exception {
        Scenario scenario = load(name);
        TestNode node = new TestNode(scenario.start());
        ScenarioResult result = new ScenarioPlayer(node, Double.POSITIVE_INFINITY).play(scenario);
        assertEquals(List.of(), result.mismatches(), name);
    }
}
