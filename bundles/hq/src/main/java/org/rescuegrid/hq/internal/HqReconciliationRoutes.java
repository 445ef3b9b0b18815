package org.rescuegrid.hq.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reconciliation for districts: {@code POST /hq/v1/reconciliation} compares a district's counts and digests of
 * one UTC day with HQ's records and returns a run id; {@code POST /hq/v1/reconciliation/ids} returns which of a
 * chunk of the district's ids HQ lacks; {@code POST /hq/v1/reconciliation/audit-chain} compares the head of the
 * district's audit chain with HQ's copy. The province is the one the bearer token belongs to (the receiver's
 * token gate covers {@code /hq/v1/}); 400 names an invalid field, 403 a body naming another province, 409 a
 * run that a later one replaced, and 503 a database failure.
 */
@Component(service = RoutesBuilder.class, configurationPid = ProvinceTokens.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class HqReconciliationRoutes extends RouteBuilder {

    static final String SUMMARY_PATH = "/hq/v1/reconciliation";
    static final String IDS_PATH = "/hq/v1/reconciliation/ids";
    static final String AUDIT_CHAIN_PATH = "/hq/v1/reconciliation/audit-chain";

    private static final Logger LOG = LoggerFactory.getLogger(HqReconciliationRoutes.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HqReconciliation reconciliation;
    private final ProvinceTokens provinces;

    @Activate
    public HqReconciliationRoutes(@Reference HqReconciliation reconciliation, Map<String, Object> properties) {
        this.reconciliation = reconciliation;
        this.provinces = ProvinceTokens.from(properties);
    }

    @Override
    public void configure() {
        from("platform-http:" + SUMMARY_PATH + "?httpMethodRestrict=POST")
                .routeId("rescuegrid-hq-reconciliation")
                .process(exchange -> handle(exchange, this::summary));
        from("platform-http:" + IDS_PATH + "?httpMethodRestrict=POST")
                .routeId("rescuegrid-hq-reconciliation-ids")
                .process(exchange -> handle(exchange, this::chunk));
        from("platform-http:" + AUDIT_CHAIN_PATH + "?httpMethodRestrict=POST")
                .routeId("rescuegrid-hq-reconciliation-audit-chain")
                .process(exchange -> handle(exchange, this::auditChain));
    }

    /** One reconciliation request of a province whose token was accepted. */
    @FunctionalInterface
    private interface Handler {
        ObjectNode handle(String province, String body) throws SQLException;
    }

    private void handle(Exchange exchange, Handler handler) {
        String body = exchange.getMessage().getBody(String.class);
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        exchange.getMessage().removeHeaders("*");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<String> province = provinces.provinceOf(token);
        if (province.isEmpty()) {
            respond(exchange, 401, error("missing or unknown token; send the province's token as 'Authorization: Bearer TOKEN'"));
            return;
        }
        try {
            respond(exchange, 200, handler.handle(province.get(), body));
        } catch (WrongProvince e) {
            LOG.warn("province={} sent a reconciliation request for another province; rejected: {}", province.get(), e.getMessage());
            respond(exchange, 403, error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            LOG.warn("province={} reconciliation request rejected: {}", province.get(), e.getMessage());
            respond(exchange, 400, error(e.getMessage()));
        } catch (IllegalStateException e) {
            respond(exchange, 409, error(e.getMessage()));
        } catch (SQLException e) {
            LOG.error("province={} reconciliation failed: {}", province.get(), e.toString(), e);
            respond(exchange, 503, error("HQ could not read its records; retry later"));
        }
    }

    private ObjectNode summary(String province, String body) throws SQLException {
        ReconciliationRequest.Summary request = ReconciliationRequest.summary(body);
        requireProvince(province, request.province());
        HqReconciliation.Run run = reconciliation.compare(province, request.day(), request.types());
        LOG.info("province={} reconciliation run={} of {} started for {} types", province, run.runId(), request.day(), run.types().size());
        ObjectNode response = MAPPER.createObjectNode();
        response.put("runId", run.runId());
        response.put("day", request.day().toString());
        ArrayNode types = response.putArray("types");
        for (HqReconciliation.TypeComparison comparison : run.types()) {
            ObjectNode type = types.addObject();
            type.put("type", comparison.type());
            type.put("districtCount", comparison.districtCount());
            type.put("hqCount", comparison.hqCount());
            type.put("match", comparison.match());
        }
        return response;
    }

    private ObjectNode chunk(String province, String body) throws SQLException {
        ReconciliationRequest.Chunk request = ReconciliationRequest.chunk(body);
        requireProvince(province, request.province());
        List<String> missing = reconciliation.missing(province, request.runId(), request.day(), request.type(), request.ids(), request.last());
        ObjectNode response = MAPPER.createObjectNode();
        response.putPOJO("missing", missing);
        return response;
    }

    private ObjectNode auditChain(String province, String body) throws SQLException {
        ReconciliationRequest.AuditChain request = ReconciliationRequest.auditChain(body);
        requireProvince(province, request.province());
        HqReconciliation.AuditChainComparison comparison = reconciliation.compareAuditChain(province, request.day(), request.records(),
                request.lastSeq(), request.lastHash());
        if (!comparison.match()) {
            LOG.warn("province={} audit chain differs from HQ's copy: district {} records up to seq {}, HQ {} records up to seq {}", province,
                    request.records(), request.lastSeq(), comparison.hqRecords(), comparison.hqLastSeq());
        }
        ObjectNode response = MAPPER.createObjectNode();
        response.put("hqRecords", comparison.hqRecords());
        response.put("hqLastSeq", comparison.hqLastSeq());
        response.put("match", comparison.match());
        return response;
    }

    private static void requireProvince(String tokenProvince, String requested) {
        if (!requested.equals(tokenProvince)) {
            throw new WrongProvince("token belongs to province " + tokenProvince + ", request names " + requested);
        }
    }

    /** A request naming another province than its token's. */
    private static final class WrongProvince extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongProvince(String message) {
            super(message);
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        return node;
    }

    private static void respond(Exchange exchange, int status, ObjectNode body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(body.toString());
    }
}
