package org.rescuegrid.hq.dashboard.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.rescuegrid.hq.HqKpiService;
import org.rescuegrid.hq.HqReportService;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serves the read API below {@code /hq/api/v1}. The caller has checked authentication before. */
class DashboardApi {

    static final int MAX_EVENTS = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Rescue 1122's response standard: every emergency reached within 7 minutes. */
    static final Duration RESPONSE_TARGET = Duration.ofMinutes(7);

    private final HqReadModel model;
    private final HqKpiService kpiService;
    private final DashboardSettings settings;
    private final Clock clock;
    private final ReportApi reports;
    private final BackOfficeFacts facts;

    DashboardApi(HqReadModel model, HqKpiService kpiService, HqReportService reportService, DashboardSettings settings, Clock clock,
            BackOfficeFacts facts) {
        this.model = model;
        this.kpiService = kpiService;
        this.settings = settings;
        this.clock = clock;
        this.reports = new ReportApi(model, reportService, kpiService);
        this.facts = facts;
    }

    void answer(Exchange exchange, String path) throws SQLException {
        Instant now = clock.instant();
        switch (path) {
            case "vehicles" -> HttpExchange.json(exchange, 200, wrap("vehicles", now, model.vehicles(now)));
            case "districts" -> HttpExchange.json(exchange, 200,
                    wrap("districts", now, model.districts(now, settings.staleAfter(), settings.silentDevice())));
            case "device-events" -> HttpExchange.json(exchange, 200, wrap("events", now, model.deviceEvents(now, MAX_EVENTS)));
            case "kpi" -> kpi(exchange, now);
            case "reports" -> reports.report(exchange, now);
            case "trends" -> reports.trends(exchange, now);
            case "compliance", "driver-events", "audit/verify" -> facts.answer(exchange, path, now);
            case "reconciliation" -> HttpExchange.json(exchange, 200, wrap("reconciliations", now, model.reconciliations()));
            default -> HttpExchange.error(exchange, 404, "no API resource '" + path + "'; see " + DashboardRoutes.API + "/openapi.json");
        }
    }

    /**
     * Returns, for {@code kpi?from=&to=}, the key figures of every province with calls in the period, for the
     * province and each of its districts. The period defaults to the last 24 hours.
     */
    private void kpi(Exchange exchange, Instant now) throws SQLException {
        Map<String, String> query = HttpExchange.query(exchange);
        Instant to = instant(query, "to", now);
        Instant from = instant(query, "from", to.minus(Duration.ofHours(24)));
        checkPeriod(from, to);

        ArrayNode kpis = MAPPER.createArrayNode();
        for (Map.Entry<String, List<String>> scope : model.callScopes(from, to).entrySet()) {
            kpis.add(KpiView.of(kpiService.kpi(scope.getKey(), null, from, to, RESPONSE_TARGET)));
            for (String district : scope.getValue()) {
                kpis.add(KpiView.of(kpiService.kpi(scope.getKey(), district, from, to, RESPONSE_TARGET)));
            }
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("generatedAt", now.toString());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.set("kpis", kpis);
        HttpExchange.json(exchange, 200, body.toString());
    }

    static void checkPeriod(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new BadRequest("from " + from + " is not before to " + to + "; give a period such as from=2026-12-04&to=2026-12-05");
        }
    }

    static Instant instant(Map<String, String> query, String name, Instant fallback) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " '" + text + "' is invalid; give a date such as 2026-12-04 or a UTC time such as 2026-12-04T08:00:00Z");
        }
    }

    /** An invalid request parameter; its message is sent back with status 400. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private static String wrap(String name, Instant now, Object items) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("generatedAt", now.toString());
        body.set(name, MAPPER.valueToTree(items));
        return body.toString();
    }
}
