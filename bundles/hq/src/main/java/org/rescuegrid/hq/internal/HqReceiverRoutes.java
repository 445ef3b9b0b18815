package org.rescuegrid.hq.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HQ receiver: {@code POST /hq/v1/batches} on the node's HTTP server. It answers 200 with the committed
 * event ids only after the batch is committed, 400 for a malformed batch or invalid records (listing each
 * invalid record with its reason, and storing none of the batch), 401 for an unknown token,
 * 403 when the batch names another province, and 503 when the database fails, so the province retries.
 */
@Component(service = RoutesBuilder.class, configurationPid = ProvinceTokens.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class HqReceiverRoutes extends RouteBuilder {

    static final String ROUTE_ID = "rescuegrid-hq-receiver";
    static final String PATH = "/hq/v1/batches";

    private static final Logger LOG = LoggerFactory.getLogger(HqReceiverRoutes.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HqRecordStore store;
    private final UplinkBacklogs backlogs;
    private final ProvinceTokens provinces;
    private TokenGate tokenGate;

    @Activate
    public HqReceiverRoutes(@Reference HqRecordStore store, @Reference UplinkBacklogs backlogs, Map<String, Object> properties) {
        this.store = store;
        this.backlogs = backlogs;
        this.provinces = ProvinceTokens.from(properties);
        if (provinces.size() == 0) {
            LOG.warn("HQ receiver has no province configured and rejects every feed; add province.CODE.token to {}.cfg", ProvinceTokens.PID);
        }
        LOG.info("HQ receiver started on {} for provinces {}", PATH, provinces.provinces());
    }

    @Deactivate
    void deactivate() {
        if (tokenGate != null) {
            tokenGate.remove();
        }
        LOG.info("HQ receiver stopped");
    }

    @Override
    public void configure() {
        tokenGate = TokenGate.install(getContext(), "/hq/v1/", provinces);
        from("platform-http:" + PATH + "?httpMethodRestrict=POST")
                .routeId(ROUTE_ID)
                .process(this::receive);
    }

    private void receive(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        Optional<String> province = provinces.provinceOf(bearerToken(exchange));
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        exchange.getMessage().removeHeaders("*");
        if (province.isEmpty()) {
            // The token gate rejects these before the body is read; this check stays for requests that bypass it.
            respond(exchange, 401, error("missing or unknown token; send the province's token as 'Authorization: Bearer TOKEN'"));
            return;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            LOG.warn("province={} sent a batch with Content-Type '{}'; rejected", province.get(), contentType);
            respond(exchange, 415, error("Content-Type '" + contentType + "' is not accepted; send the batch as application/json"));
            return;
        }

        BatchRequest batch;
        try {
            batch = BatchRequest.parse(body);
        } catch (InvalidBatchException e) {
            LOG.warn("province={} batch rejected: {}", province.get(), e.getMessage());
            respond(exchange, 400, rejection(e));
            return;
        }
        if (!batch.province().equals(province.get())) {
            LOG.warn("province={} sent a batch for province={}; rejected", province.get(), batch.province());
            respond(exchange, 403, error("token belongs to province " + province.get() + ", batch names " + batch.province()));
            return;
        }

        try {
            HqRecordStore.Outcome outcome = store.store(batch.province(), batch.records());
            LOG.debug("province={} batch={} committed {} records, {} already present", batch.province(), batch.batchId(),
                    outcome.accepted().size(), outcome.duplicates());
            ObjectNode response = MAPPER.createObjectNode();
            response.put("batchId", batch.batchId());
            response.putPOJO("accepted", outcome.accepted());
            response.put("duplicates", outcome.duplicates());
            recordBacklog(batch);
            respond(exchange, 200, response);
        } catch (InvalidBatchException e) {
            LOG.warn("province={} batch={} rejected: {}", batch.province(), batch.batchId(), e.getMessage());
            respond(exchange, 400, rejection(e));
        } catch (SQLException e) {
            LOG.error("province={} batch={} could not be stored; the province will retry: {}", batch.province(), batch.batchId(), e.toString(), e);
            respond(exchange, 503, error("HQ could not store the batch; retry later"));
        } catch (RuntimeException e) {
            LOG.error("province={} batch={} could not be stored; the province will retry: {}", batch.province(), batch.batchId(), e.toString(), e);
            respond(exchange, 503, error("HQ could not store the batch; retry later"));
        }
    }

    /** Keeps the backlog the batch reports; a failure only costs the dashboard a figure, so the batch is still confirmed. */
    private void recordBacklog(BatchRequest batch) {
        if (batch.backlog() == null) {
            return;
        }
        try {
            backlogs.record(batch.province(), batch.backlog(), Instant.now());
        } catch (SQLException e) {
            LOG.warn("province={} batch={} uplink backlog could not be stored: {}", batch.province(), batch.batchId(), e.getMessage());
        }
    }

    private static String bearerToken(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    static ObjectNode error(String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        return node;
    }

    /**
     * Returns the body of a 400 response: {@code error}, and {@code rejected} with
     * {@code {"index":..,"eventId":..,"reason":..}} for each invalid record when the batch itself is well formed.
     */
    static ObjectNode rejection(InvalidBatchException e) {
        ObjectNode node = error(e.getMessage());
        if (!e.rejections().isEmpty()) {
            ArrayNode rejected = node.putArray("rejected");
            for (InvalidBatchException.RecordRejection record : e.rejections()) {
                ObjectNode item = rejected.addObject();
                item.put("index", record.index());
                item.put("eventId", record.eventId());
                item.put("reason", record.reason());
            }
        }
        return node;
    }

    private static void respond(Exchange exchange, int status, ObjectNode body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(body.toString());
    }
}
