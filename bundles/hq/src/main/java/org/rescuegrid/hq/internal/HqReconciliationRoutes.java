package org.rescuegrid.hq.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reconciliation for districts: {@code POST /hq/v1/reconciliation} compares a district's counts and digests of
 * one UTC day with HQ's records and returns a run id; {@code POST /hq/v1/reconciliation/ids} returns which of a
 * chunk of the district's ids HQ lacks; {@code POST /hq/v1/reconciliation/audit-chain} compares the head of the
 * district's audit chain with HQ's copy. The province is the one the bearer token belongs to (the receiver's
 * token gate covers {@code /hq/v1/}). {@link HqTlsReceiver} serves the same paths to districts with a client
 * certificate, and {@link ReconciliationHandler} answers both.
 */
@Component(service = RoutesBuilder.class, configurationPid = ProvinceTokens.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class HqReconciliationRoutes extends RouteBuilder {

    static final String SUMMARY_PATH = "/hq/v1/reconciliation";
    static final String IDS_PATH = "/hq/v1/reconciliation/ids";
    static final String AUDIT_CHAIN_PATH = "/hq/v1/reconciliation/audit-chain";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReconciliationHandler handler;
    private final ProvinceTokens provinces;

    @Activate
    public HqReconciliationRoutes(@Reference HqReconciliation reconciliation, Map<String, Object> properties) {
        this.handler = new ReconciliationHandler(reconciliation);
        this.provinces = ProvinceTokens.from(properties);
    }

    @Override
    public void configure() {
        for (ReconciliationHandler.Request request : ReconciliationHandler.Request.values()) {
            from("platform-http:" + request.path() + "?httpMethodRestrict=POST")
                    .routeId(request == ReconciliationHandler.Request.SUMMARY ? "rescuegrid-hq-reconciliation"
                            : "rescuegrid-hq-reconciliation-" + request.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .process(exchange -> handle(exchange, request));
        }
    }

    private void handle(Exchange exchange, ReconciliationHandler.Request request) {
        String body = exchange.getMessage().getBody(String.class);
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        exchange.getMessage().removeHeaders("*");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<String> province = provinces.provinceOf(token);
        if (province.isEmpty()) {
            respond(exchange, 401, error("missing or unknown token; send the province's token as 'Authorization: Bearer TOKEN'"));
            return;
        }
        CertificateBatchHandler.Reply reply = handler.handle(province.get(), "token", request, body);
        respond(exchange, reply.status(), reply.body());
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
