package org.rescuegrid.hq.dashboard.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqKpiService;
import org.rescuegrid.hq.HqReport;
import org.rescuegrid.hq.HqReportService;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves {@code reports} (JSON, CSV or PDF) and {@code trends} (figures by day and by shift) below the API. A
 * province's report also has one entry per district with calls in the period, as the KPI resource does.
 */
class ReportApi {

    /** Maximum report period, so that one request cannot make HQ read years of records. */
    static final Duration MAX_REPORT_PERIOD = Duration.ofDays(366);

    /** Maximum trend period, because the trend reads one set of KPIs per day and per shift. */
    static final Duration MAX_TREND_PERIOD = Duration.ofDays(62);

    /** Shifts of the trend by shift, in {@link ReportPeriod#ZONE}, in the order of the day. */
    static final List<Shift> SHIFTS = List.of(new Shift("night", LocalTime.of(0, 0), Duration.ofHours(8)),
            new Shift("morning", LocalTime.of(8, 0), Duration.ofHours(8)), new Shift("evening", LocalTime.of(16, 0), Duration.ofHours(8)));

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");
    private static final String NAME_FORM = "1-64 letters, digits, spaces, '.', '_' or '-', as the province names it";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Shift(String name, LocalTime start, Duration length) {
    }

    private final HqReadModel model;
    private final HqReportService reportService;
    private final HqKpiService kpiService;

    ReportApi(HqReadModel model, HqReportService reportService, HqKpiService kpiService) {
        this.model = model;
        this.reportService = reportService;
        this.kpiService = kpiService;
    }

    /** Serves {@code reports?province=&district=&month=|from=&to=&format=json|csv|pdf&lang=en|ur}; lang sets the PDF's language. */
    void report(Exchange exchange, Instant now) throws SQLException {
        Map<String, String> query = HttpExchange.query(exchange);
        String format = query.getOrDefault("format", "json");
        if (!List.of("json", "csv", "pdf").contains(format)) {
            throw new DashboardApi.BadRequest("format '" + format + "' is invalid; give format=json, format=csv or format=pdf");
        }
        String language = language(query);
        String province = name(query, "province", true);
        String district = name(query, "district", false);
        ReportPeriod period = ReportPeriod.parse(query, MAX_REPORT_PERIOD);
        requireKnown(province);
        List<HqReport> reports = reports(province, district, period);

        String file = "rescuegrid-report-" + province + (district == null ? "" : "-" + district) + "-" + period.label().replace(' ', '_');
        switch (format) {
            case "csv" -> {
                HttpExchange.reply(exchange, 200, "text/csv; charset=utf-8", ReportCsv.write(reports));
                attachment(exchange, file + ".csv");
            }
            case "pdf" -> {
                ReportLabels labels = ReportLabels.of(language);
                String title = ReportPdf.title(labels, period.label(), province, district);
                HttpExchange.reply(exchange, 200, "application/pdf", ReportPdf.write(labels, title, reports, now));
                attachment(exchange, file + ".pdf");
            }
            default -> {
                ObjectNode body = MAPPER.createObjectNode();
                body.put("generatedAt", now.toString());
                body.put("period", period.label());
                body.put("timeZone", ReportPeriod.ZONE.getId());
                body.put("from", period.from().toString());
                body.put("to", period.to().toString());
                ArrayNode items = body.putArray("reports");
                reports.forEach(report -> items.add(ReportView.of(report)));
                HttpExchange.json(exchange, 200, body.toString());
            }
        }
    }

    private void requireKnown(String province) throws SQLException {
        if (!model.knownProvince(province)) {
            throw new DashboardApi.BadRequest("province '" + province + "' is unknown; HQ has received no records from it, so give the code"
                    + " a district node sends, such as the one on the dashboard's districts table");
        }
    }

    /** Returns the district's report, or the province's followed by those of its districts with calls in the period. */
    List<HqReport> reports(String province, String district, ReportPeriod period) throws SQLException {
        List<HqReport> reports = new ArrayList<>();
        reports.add(reportService.report(province, district, period.from(), period.to()));
        if (district == null) {
            for (String each : model.callScopes(period.from(), period.to()).getOrDefault(province, List.of())) {
                reports.add(reportService.report(province, each, period.from(), period.to()));
            }
        }
        return reports;
    }

    /** Serves {@code trends?province=&district=&month=|from=&to=}: the figures of every day, and of every shift of every day. */
    void trends(Exchange exchange, Instant now) throws SQLException {
        Map<String, String> query = HttpExchange.query(exchange);
        String province = name(query, "province", true);
        String district = name(query, "district", false);
        ReportPeriod period = ReportPeriod.parse(query, MAX_TREND_PERIOD);
        requireKnown(province);

        ObjectNode body = MAPPER.createObjectNode();
        body.put("generatedAt", now.toString());
        body.put("province", province);
        body.put("district", district);
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("timeZone", ReportPeriod.ZONE.getId());
        ArrayNode shiftNames = body.putArray("shifts");
        SHIFTS.forEach(shift -> shiftNames.add(shift.name()));
        ArrayNode days = body.putArray("days");
        LocalDate last = ZonedDateTime.ofInstant(period.to().minusNanos(1), ReportPeriod.ZONE).toLocalDate();
        for (LocalDate day = ZonedDateTime.ofInstant(period.from(), ReportPeriod.ZONE).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            ObjectNode entry = figures(province, district, clip(day.atStartOfDay(ReportPeriod.ZONE).toInstant(), period),
                    clip(day.plusDays(1).atStartOfDay(ReportPeriod.ZONE).toInstant(), period));
            entry.put("date", day.toString());
            ObjectNode shifts = entry.putObject("shifts");
            for (Shift shift : SHIFTS) {
                ZonedDateTime start = day.atTime(shift.start()).atZone(ReportPeriod.ZONE);
                shifts.set(shift.name(), figures(province, district, clip(start.toInstant(), period), clip(start.plus(shift.length()).toInstant(), period)));
            }
            days.add(entry);
        }
        HttpExchange.json(exchange, 200, body.toString());
    }

    private ObjectNode figures(String province, String district, Instant from, Instant to) {
        ObjectNode node = MAPPER.createObjectNode();
        if (!from.isBefore(to)) {
            // A shift outside the requested period: nothing to count.
            node.put("calls", 0);
            node.put("emergencies", 0);
            node.put("responded", 0);
            node.put("withinTarget", 0);
            node.putNull("meanResponseSeconds");
            return node;
        }
        HqKpi kpi = kpiService.kpi(province, district, from, to, HqReportService.RESPONSE_TARGET);
        node.put("calls", ReportView.total(kpi.callsByDisposition()));
        node.put("emergencies", ReportView.total(kpi.incidentsByType()));
        node.put("responded", kpi.responded());
        node.put("withinTarget", kpi.withinTarget());
        Double mean = ReportView.seconds(kpi.response().mean());
        if (mean == null) {
            node.putNull("meanResponseSeconds");
        } else {
            node.put("meanResponseSeconds", mean);
        }
        return node;
    }

    private static Instant clip(Instant instant, ReportPeriod period) {
        return instant.isBefore(period.from()) ? period.from() : instant.isAfter(period.to()) ? period.to() : instant;
    }

    private static String name(Map<String, String> query, String key, boolean required) {
        String value = query.get(key);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new DashboardApi.BadRequest(key + " is missing; give " + key + "= with " + NAME_FORM + ", such as PB-LHR");
            }
            return null;
        }
        String stripped = value.strip();
        if (!NAME.matcher(stripped).matches()) {
            throw new DashboardApi.BadRequest(key + " '" + value + "' is invalid; give " + NAME_FORM);
        }
        return stripped;
    }

    private static String language(Map<String, String> query) {
        String language = query.getOrDefault("lang", ReportLabels.LANGUAGES.get(0));
        if (!ReportLabels.LANGUAGES.contains(language)) {
            throw new DashboardApi.BadRequest("lang '" + language + "' is invalid; give lang=en or lang=ur");
        }
        return language;
    }

    private static void attachment(Exchange exchange, String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + safe + "\"");
    }
}
