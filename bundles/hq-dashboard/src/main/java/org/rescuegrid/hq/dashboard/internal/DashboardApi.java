package org.rescuegrid.hq.dashboard.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serves the read API below {@code /hq/api/v1}. The caller has checked authentication before. */
class DashboardApi {

    static final int MAX_EVENTS = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HqReadModel model;
    private final DashboardSettings settings;
    private final Clock clock;

    DashboardApi(HqReadModel model, DashboardSettings settings, Clock clock) {
        this.model = model;
        this.settings = settings;
        this.clock = clock;
    }

    void answer(Exchange exchange, String path) throws SQLException {
        Instant now = clock.instant();
        switch (path) {
            case "vehicles" -> HttpExchange.json(exchange, 200, wrap("vehicles", now, model.vehicles(now)));
            case "districts" -> HttpExchange.json(exchange, 200,
                    wrap("districts", now, model.districts(now, settings.staleAfter(), settings.silentDevice())));
            case "device-events" -> HttpExchange.json(exchange, 200, wrap("events", now, model.deviceEvents(now, MAX_EVENTS)));
            default -> HttpExchange.error(exchange, 404, "no API resource '" + path + "'; see " + DashboardRoutes.API + "/openapi.json");
        }
    }

    private static String wrap(String name, Instant now, Object items) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("generatedAt", now.toString());
        body.set(name, MAPPER.valueToTree(items));
        return body.toString();
    }
}
