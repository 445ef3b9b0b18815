package org.rescuegrid.hq.dashboard.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqReport;

/**
 * Writes reports as CSV (RFC 4180, UTF-8): one header row, then one row per figure of each area, so that the
 * columns stay the same whatever incident types or dispositions a month has. An empty district is the whole
 * province. An empty value is a figure that does not exist, such as the mean response when no emergency was reached.
 */
final class ReportCsv {

    static final List<String> COLUMNS = List.of("province", "district", "from", "to", "figure", "category", "value");

    private ReportCsv() {
    }

    static String write(List<HqReport> reports) {
        StringBuilder csv = new StringBuilder();
        row(csv, COLUMNS);
        for (HqReport report : reports) {
            HqKpi kpi = report.kpi();
            Rows rows = new Rows(csv, report);
            rows.add("calls_received", "", report.callsReceived());
            rows.add("emergency_calls", "", report.emergencyCalls());
            rows.addAll("calls_by_disposition", kpi.callsByDisposition());
            rows.add("emergencies", "", report.emergencies());
            rows.addAll("emergencies_by_type", kpi.incidentsByType());
            rows.add("incidents_with_outcome", "", report.outcomes().incidents());
            rows.add("people_rescued", "", report.outcomes().peopleRescued());
            rows.add("first_aid_on_scene", "", report.outcomes().firstAidOnScene());
            rows.add("taken_to_hospital", "", report.outcomes().takenToHospital());
            rows.add("deaths_on_scene", "", report.outcomes().deathsOnScene());
            rows.add("responded", "", kpi.responded());
            rows.add("within_target", "", kpi.withinTarget());
            rows.add("target_seconds", "", kpi.target().toSeconds());
            rows.add("share_within_target_percent", "", ReportView.sharePercent(kpi));
            rows.add("mean_response_seconds", "", ReportView.seconds(kpi.response().mean()));
            if (report.driverEventsByType() != null) {
                rows.add("driver_events", "", ReportView.total(report.driverEventsByType()));
                rows.addAll("driver_events_by_type", report.driverEventsByType());
            }
            HqReport.Compliance compliance = report.compliance();
            rows.add("compliance_incidents", "", compliance.incidents());
            rows.add("compliance_steps", "met", compliance.met());
            rows.add("compliance_steps", "late", compliance.late());
            rows.add("compliance_steps", "missed", compliance.missed());
            rows.add("compliance_steps", "not-applicable", compliance.notApplicable());
            rows.add("compliance_score_percent", "", compliance.scorePercent());
            rows.add("compliance_late_seconds", "", compliance.totalLateSeconds());
        }
        return csv.toString();
    }

    /** The rows of one area, each starting with its province, district and period. */
    private record Rows(StringBuilder csv, HqReport report) {

        void add(String figure, String category, Object value) {
            row(csv, List.of(report.province(), report.district() == null ? "" : report.district(), report.from().toString(),
                    report.to().toString(), figure, category, value == null ? "" : value.toString()));
        }

        void addAll(String figure, Map<String, Long> counts) {
            new TreeMap<>(counts).forEach((category, count) -> add(figure, category, count));
        }
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(fields.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quoted(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
