package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.outbox.OutboxRecord;
import org.rescuegrid.api.uplink.UplinkStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Runs the uplink route against an HQ stand-in that rejects every record whose payload has
 * {@code "bad":true} the way HQ's receiver does: 400, nothing stored, each invalid record listed.
 */
class UplinkRejectionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REASON = "records[%d].payload field 'fix' is missing";

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<String> storedAtHq = new ArrayList<>();
    private HttpServer hq;
    private DefaultCamelContext camel;
    private UplinkRoutes uplink;

    @BeforeEach
    void startHq() throws IOException {
        hq = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hq.createContext("/hq/v1/batches", this::receive);
        hq.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (camel != null) {
            camel.stop();
        }
        hq.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        JsonNode batch = MAPPER.readTree(exchange.getRequestBody());
        ArrayNode rejected = MAPPER.createArrayNode();
        List<String> ids = new ArrayList<>();
        JsonNode records = batch.get("records");
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (record.path("payload").path("bad").asBoolean()) {
                rejected.addObject().put("index", i).put("eventId", record.get("eventId").asText()).put("reason", REASON.formatted(i));
            } else {
                ids.add(record.get("eventId").asText());
            }
        }
        ObjectNode response = MAPPER.createObjectNode();
        int status;
        if (rejected.isEmpty()) {
            synchronized (storedAtHq) {
                storedAtHq.addAll(ids);
            }
            response.putPOJO("accepted", ids);
            status = 200;
        } else {
            response.put("error", rejected.size() + " of " + records.size() + " records are invalid");
            response.set("rejected", rejected);
            status = 400;
        }
        byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void startUplink(int batchSize) throws Exception {
        startUplink(batchSize, new UplinkHistory());
    }

    private void startUplink(int batchSize, UplinkHistory history) throws Exception {
        String url = "http://127.0.0.1:" + hq.getAddress().getPort() + "/hq/v1/batches";
        uplink = new UplinkRoutes(outbox, TestUplinkConfig.valid().withHqUrl(url).withBatchSize(batchSize).withPollIntervalMs(100), history);
        camel = new DefaultCamelContext();
        camel.addRoutes(uplink);
        camel.start();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void rejectedRecordsSetAside() throws Exception {
        List<OutboxRecord> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(outbox.add(i == 2 || i == 7 ? "{\"bad\":true}" : "{\"n\":" + i + "}"));
        }

        startUplink(4);
        await("an empty outbox", () -> outbox.backlog() == 0);

        List<String> expected = sent.stream().filter(r -> !r.payload().contains("bad")).map(OutboxRecord::eventId).toList();
        synchronized (storedAtHq) {
            assertEquals(expected, storedAtHq, "every valid record reaches HQ once, in outbox order");
        }
        assertEquals(2, outbox.rejectedCount());
        assertEquals(REASON.formatted(2), outbox.rejectedReasons().get(sent.get(2).eventId()));
        // Batches of 4 after record 2 was set aside: [0 1 3 4], then [5 6 7 8] with record 7 at index 2.
        assertEquals(REASON.formatted(2), outbox.rejectedReasons().get(sent.get(7).eventId()));
        UplinkStatus status = uplink.status();
        assertEquals(2, status.rejected());
        assertEquals(8, status.sent());
        assertEquals(null, status.lastError(), "a record rejection is not a transport failure");
    }

    @Test
    void confirmedCountSurvivesReconfiguration() throws Exception {
        UplinkHistory history = new UplinkHistory();
        for (int i = 0; i < 3; i++) {
            outbox.add("{\"n\":" + i + "}");
        }
        startUplink(4, history);
        await("an empty outbox", () -> outbox.backlog() == 0);
        camel.stop();

        // A configuration change deactivates the uplink component and activates a new one with the bundle's history.
        startUplink(2, history);
        assertEquals(3, uplink.status().sent(), "records confirmed before the change");
        outbox.add("{\"n\":3}");
        outbox.add("{\"n\":4}");
        await("an empty outbox", () -> outbox.backlog() == 0);

        assertEquals(5, uplink.status().sent());
    }

    @Test
    void batchRejectedAsWholeStaysInOutbox() throws Exception {
        hq.removeContext("/hq/v1/batches");
        hq.createContext("/hq/v1/batches", exchange -> {
            byte[] body = "{\"error\":\"request body is not valid JSON\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        outbox.add("{\"n\":1}");

        startUplink(4);
        await("a failed attempt", () -> uplink.status().lastError() != null);

        assertEquals(1, outbox.backlog());
        assertEquals(0, outbox.rejectedCount());
        assertTrue(uplink.status().lastError().contains("400"), uplink.status().lastError());
    }
}
