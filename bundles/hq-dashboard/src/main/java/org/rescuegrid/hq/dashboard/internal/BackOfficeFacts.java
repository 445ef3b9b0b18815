package org.rescuegrid.hq.dashboard.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.rescuegrid.hq.HqAuditService;
import org.rescuegrid.hq.HqAuditVerification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves the back-office facts of the read API: {@code compliance}, {@code driver-events} and
 * {@code audit/verify}. The optional {@code district} parameter is the code a district node uploads with;
 * without it every district is returned.
 */
class BackOfficeFacts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ComplianceReadModel compliance;
    private final DriverEventReadModel driverEvents;
    private final HqAuditService audit;

    BackOfficeFacts(ComplianceReadModel compliance, DriverEventReadModel driverEvents, HqAuditService audit) {
        this.compliance = compliance;
        this.driverEvents = driverEvents;
        this.audit = audit;
    }

    void answer(Exchange exchange, String path, Instant now) throws SQLException {
        Map<String, String> query = HttpExchange.query(exchange);
        String district = district(query);
        if ("audit/verify".equals(path)) {
            verify(exchange, district, now);
            return;
        }
        // The default period is the last 24 hours, as for the KPIs.
        Instant to = DashboardApi.instant(query, "to", now);
        Instant from = DashboardApi.instant(query, "from", to.minus(Duration.ofHours(24)));
        DashboardApi.checkPeriod(from, to);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("generatedAt", now.toString());
        body.put("from", from.toString());
        body.put("to", to.toString());
        if ("compliance".equals(path)) {
            body.set("districts", compliance.compliance(district, from, to));
        } else {
            body.set("districts", driverEvents.driverEvents(district, from, to));
        }
        HttpExchange.json(exchange, 200, body.toString());
    }

    private void verify(Exchange exchange, String district, Instant now) throws SQLException {
        try {
            verifyChains(exchange, district, now);
        } catch (IllegalStateException e) {
            // HqAuditService reports a failed database read this way, and DashboardRoutes replies 503 to it.
            throw new SQLException(e.getMessage(), e);
        }
    }

    private void verifyChains(Exchange exchange, String district, Instant now) {
        List<String> known = audit.districts();
        if (district != null && !known.contains(district)) {
            HttpExchange.error(exchange, 404, "HQ has no audit records of district '" + district + "'; districts with audit records: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)));
            return;
        }
        ArrayNode districts = MAPPER.createArrayNode();
        for (String code : district == null ? known : List.of(district)) {
            districts.add(json(audit.verify(code)));
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("generatedAt", now.toString());
        body.set("districts", districts);
        HttpExchange.json(exchange, 200, body.toString());
    }

    static ObjectNode json(HqAuditVerification verification) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("district", verification.district());
        node.put("intact", verification.intact());
        node.put("records", verification.records());
        node.put("verified", verification.verified());
        if (verification.intact()) {
            node.putNull("firstBroken");
        } else {
            node.put("firstBroken", verification.firstBroken());
        }
        node.put("reason", verification.reason());
        node.put("lastHash", verification.lastHash());
        node.put("lastRecordedAt", verification.lastRecordedAt() == null ? null : verification.lastRecordedAt().toString());
        return node;
    }

    private static String district(Map<String, String> query) {
        String district = query.get("district");
        if (district == null || district.isBlank()) {
            return null;
        }
        if (district.length() > 32) {
            throw new DashboardApi.BadRequest("district '" + district + "' is longer than 32 characters; give a district code such as PB-LHR");
        }
        return district;
    }
}
