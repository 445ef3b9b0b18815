package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rescuegrid.hq.HqKpi;

import com.fasterxml.jackson.databind.node.ObjectNode;

class KpiViewTest {

    @Test
    void figuresBecomeSecondsAndTotals() {
        HqKpi.Stats response = new HqKpi.Stats(6, Duration.ofMillis(372_500), Duration.ofSeconds(360), Duration.ofSeconds(421));
        HqKpi.Stats none = new HqKpi.Stats(0, null, null, null);
        HqKpi kpi = new HqKpi("PB-LHR", "Faisalabad", Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-05T00:00:00Z"),
                Map.of("nuisance", 60L, "emergency", 7L, "wrong-number", 34L), Map.of("fire", 2L, "medical-emergency", 4L),
                6, 5, Duration.ofMinutes(7), response, none, none, none);

        ObjectNode view = KpiView.of(kpi);

        assertEquals(101, view.get("calls").asLong());
        assertEquals("{\"emergency\":7,\"nuisance\":60,\"wrong-number\":34}", view.get("callsByDisposition").toString());
        assertEquals(5, view.get("withinTarget").asInt());
        assertEquals(420, view.get("targetSeconds").asLong());
        assertEquals(372.5, view.get("response").get("meanSeconds").asDouble());
        assertEquals(421.0, view.get("response").get("p90Seconds").asDouble());
        assertTrue(view.get("travel").get("meanSeconds").isNull());
        assertEquals(0, view.get("travel").get("count").asInt());
    }
}
