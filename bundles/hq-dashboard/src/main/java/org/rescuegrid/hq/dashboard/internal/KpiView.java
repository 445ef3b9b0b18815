package org.rescuegrid.hq.dashboard.internal;

import java.time.Duration;
import java.util.TreeMap;

import org.rescuegrid.hq.HqKpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of HQ's key figures: durations in seconds, counts by label in name order. */
final class KpiView {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KpiView() {
    }

    static ObjectNode of(HqKpi kpi) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("province", kpi.province());
        node.put("district", kpi.district());
        node.put("from", kpi.from().toString());
        node.put("to", kpi.to().toString());
        node.set("callsByDisposition", MAPPER.valueToTree(new TreeMap<>(kpi.callsByDisposition())));
        node.put("calls", kpi.callsByDisposition().values().stream().mapToLong(Long::longValue).sum());
        node.set("incidentsByType", MAPPER.valueToTree(new TreeMap<>(kpi.incidentsByType())));
        node.put("responded", kpi.responded());
        node.put("withinTarget", kpi.withinTarget());
        node.put("targetSeconds", kpi.target().toSeconds());
        node.set("response", stats(kpi.response()));
        node.set("callHandling", stats(kpi.callHandling()));
        node.set("dispatch", stats(kpi.dispatch()));
        node.set("travel", stats(kpi.travel()));
        return node;
    }

    private static ObjectNode stats(HqKpi.Stats stats) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("count", stats.count());
        putSeconds(node, "meanSeconds", stats.mean());
        putSeconds(node, "medianSeconds", stats.median());
        putSeconds(node, "p90Seconds", stats.p90());
        return node;
    }

    private static void putSeconds(ObjectNode node, String field, Duration value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toMillis() / 1000.0);
        }
    }
}
