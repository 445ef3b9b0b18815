package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;

class ScenarioClockTest {

    private static final Instant SCENARIO_TIME = Instant.parse("2026-12-04T04:56:22Z");
    private static final Location LIBERTY = new Location(31.5106, 74.3428, null);
    private static final Location DATA_DARBAR = new Location(31.5794, 74.3056, null);

    @Test
    void operatorCallGetsSystemTime() throws Exception {
        ScenarioClock clock = new ScenarioClock();
        FrontOffice frontOffice = TestNode.frontOffice(TestNode.database(), Map.of(), TestNode.ETC, clock);
        ExecutorService player = Executors.newSingleThreadExecutor();
        try {
            CallRecord scenarioCall = player.submit(() -> {
                clock.set(SCENARIO_TIME);
                return frontOffice.receiveCall(NewCall.emergency(null, "03001234567", IncidentType.FIRE, LIBERTY));
            }).get(10, TimeUnit.SECONDS);

            Instant before = Instant.now();
            CallRecord operatorCall = frontOffice.receiveCall(NewCall.emergency(null, "03007654321", IncidentType.FIRE, DATA_DARBAR));

            assertEquals(SCENARIO_TIME, scenarioCall.receivedAt());
            assertEquals(SCENARIO_TIME, scenarioCall.recordedAt());
            assertTrue(!operatorCall.receivedAt().isBefore(before), "operator's call received at " + operatorCall.receivedAt());
            assertTrue(!operatorCall.recordedAt().isBefore(before), "operator's call recorded at " + operatorCall.recordedAt());
        } finally {
            player.shutdownNow();
        }
    }

    @Test
    void responseClocksFollowCreator() throws Exception {
        ScenarioClock clock = new ScenarioClock();
        FrontOffice frontOffice = TestNode.frontOffice(TestNode.database(), Map.of(), TestNode.ETC, clock);
        ExecutorService player = Executors.newSingleThreadExecutor();
        try {
            Instant scenarioStart = Instant.now().minus(Duration.ofHours(1));
            String scenarioIncident = player.submit(() -> {
                clock.set(scenarioStart);
                return frontOffice.receiveCall(NewCall.emergency(null, "03001234567", IncidentType.FIRE, LIBERTY)).incidentId();
            }).get(10, TimeUnit.SECONDS);

            assertEquals(0, frontOffice.checkResponseClocks().size(), "an incident of the scenario is 0 s old in scenario time");
            player.submit(() -> clock.set(scenarioStart.plus(Duration.ofMinutes(10)))).get(10, TimeUnit.SECONDS);
            assertEquals(scenarioIncident, frontOffice.checkResponseClocks().get(0).incidentId());
        } finally {
            player.shutdownNow();
        }
    }

    @Test
    void secondPlayerThreadRejected() throws Exception {
        ScenarioClock clock = new ScenarioClock();
        ExecutorService player = Executors.newSingleThreadExecutor();
        try {
            player.submit(() -> clock.set(SCENARIO_TIME)).get(10, TimeUnit.SECONDS);
            IllegalStateException rejected = assertThrows(IllegalStateException.class,
                    () -> clock.set(SCENARIO_TIME.plusSeconds(1)));
            assertTrue(rejected.getMessage().contains("only one scenario plays at a time"), rejected.getMessage());
            assertTrue(!clock.instant().isBefore(Instant.now().minusSeconds(5)), "other threads read the system clock");
        } finally {
            player.shutdownNow();
        }
    }

    @Test
    void positionHandlingFollowsScenario() throws Exception {
        ScenarioClock clock = new ScenarioClock();
        Instant scenarioTime = Instant.parse("2026-12-04T10:06:59Z");
        ExecutorService player = Executors.newSingleThreadExecutor();
        try {
            player.submit(() -> clock.set(scenarioTime)).get();
            Instant[] seen = new Instant[1];

            clock.followScenario(() -> seen[0] = clock.instant());

            assertEquals(scenarioTime, seen[0], "a stored position is judged at the scenario's time");
            assertTrue(Duration.between(clock.instant(), Instant.now()).abs().toSeconds() < 60, "outside it the thread keeps the wall clock");
        } finally {
            player.shutdownNow();
            player.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
