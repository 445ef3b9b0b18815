package org.rescuegrid.hq.dashboard.internal;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqReport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a report. Counts are whole numbers, the mean response is in seconds as in {@link KpiView},
 * and the share within target is a percentage with one decimal, null when no emergency was reached. The
 * compliance object has the fields of the compliance resource's score, so that both can be compared as they are.
 */
final class ReportView {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportView() {
    }

    static ObjectNode of(HqReport report) {
        HqKpi kpi = report.kpi();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("province", report.province());
        node.put("district", report.district());
        node.put("from", report.from().toString());
        node.put("to", report.to().toString());
        node.put("callsReceived", report.callsReceived());
        node.put("emergencyCalls", report.emergencyCalls());
        node.set("callsByDisposition", MAPPER.valueToTree(new TreeMap<>(kpi.callsByDisposition())));
        node.put("emergencies", report.emergencies());
        node.set("emergenciesByType", MAPPER.valueToTree(new TreeMap<>(kpi.incidentsByType())));
        ObjectNode outcomes = node.putObject("outcomes");
        outcomes.put("incidents", report.outcomes().incidents());
        outcomes.put("peopleRescued", report.outcomes().peopleRescued());
        outcomes.put("firstAidOnScene", report.outcomes().firstAidOnScene());
        outcomes.put("takenToHospital", report.outcomes().takenToHospital());
        outcomes.put("deathsOnScene", report.outcomes().deathsOnScene());
        node.put("responded", kpi.responded());
        node.put("withinTarget", kpi.withinTarget());
        node.put("targetSeconds", kpi.target().toSeconds());
        putNullable(node, "shareWithinTargetPercent", sharePercent(kpi));
        putNullable(node, "meanResponseSeconds", seconds(kpi.response().mean()));
        if (report.driverEventsByType() == null) {
            node.putNull("driverEventsByType");
        } else {
            node.set("driverEventsByType", MAPPER.valueToTree(new TreeMap<>(report.driverEventsByType())));
        }
        HqReport.Compliance compliance = report.compliance();
        ObjectNode steps = node.putObject("compliance");
        steps.put("incidents", compliance.incidents());
        if (compliance.scorePercent() == null) {
            steps.putNull("scorePercent");
        } else {
            steps.put("scorePercent", compliance.scorePercent());
        }
        steps.put("met", compliance.met());
        steps.put("late", compliance.late());
        steps.put("missed", compliance.missed());
        steps.put("notApplicable", compliance.notApplicable());
        steps.put("totalLateSeconds", compliance.totalLateSeconds());
        return node;
    }

    /** Returns the share of reached emergencies within target in percent, rounded to one decimal; null when none was reached. */
    static Double sharePercent(HqKpi kpi) {
        return kpi.responded() == 0 ? null : Math.round(1000.0 * kpi.withinTarget() / kpi.responded()) / 10.0;
    }

    static Double seconds(Duration value) {
        return value == null ? null : value.toMillis() / 1000.0;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
