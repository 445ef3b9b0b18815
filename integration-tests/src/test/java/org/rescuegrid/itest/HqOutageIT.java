package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/** HQ outages and resent batches lose nothing and duplicate nothing. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HqOutageIT extends RescueGridTestSupport {

    private static final int L70_FIXES = 16;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // The route of the HQ receiver, stopped to take HQ off line. Stopping the HQ bundle would not do:
    // Karaf's feature service starts a stopped feature bundle again on its next deployment.
    private static final String HQ_RECEIVER_ROUTE = "rescuegrid-hq-receiver";

    @Inject
    @Filter(timeout = 120_000)
    private CamelContext camel;

    @Test
    public void positionsSentDuringOutageArriveOnce() throws Exception {
        String deviceId = uniqueDeviceId("IT-OUTAGE");

        camel.getRouteController().stopRoute(HQ_RECEIVER_ROUTE);
        try {
            streamLog(deviceId, "quectel-L70.log");
            waitFor("16 positions stored while HQ is down", () -> positions.countForDevice(deviceId) == L70_FIXES);
            waitFor("the uplink to report the failed upload", () -> uplink.status().lastError() != null);
            assertTrue("records wait in the outbox", uplink.status().backlog() >= L70_FIXES);
            assertEquals("HQ received nothing while stopped", Set.of(), hqEventIds(deviceId));
        } finally {
            camel.getRouteController().startRoute(HQ_RECEIVER_ROUTE);
        }

        Set<String> nodeIds = nodeEventIds(deviceId);
        waitFor("the outbox to drain after HQ is back", () -> uplink.status().backlog() == 0);
        assertEquals(nodeIds, hqEventIds(deviceId));
        assertEquals("HQ holds each event exactly once", L70_FIXES, hqRecordCount(nodeIds));
        assertNotNull(uplink.status().lastSuccess());
    }

    @Test
    public void resentBatchIsStoredOnce() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String batch = batch(first, second);

        HttpResponse<String> delivery = post(batch, provinceToken());
        HttpResponse<String> redelivery = post(batch, provinceToken());

        assertEquals(delivery.body(), 200, delivery.statusCode());
        assertTrue(delivery.body(), delivery.body().contains("\"duplicates\":0"));
        assertEquals(redelivery.body(), 200, redelivery.statusCode());
        assertTrue("a redelivery is confirmed so the province clears its outbox: " + redelivery.body(),
                redelivery.body().contains(first) && redelivery.body().contains(second));
        assertTrue(redelivery.body(), redelivery.body().contains("\"duplicates\":2"));
        assertEquals(2, hqRecordCount(Set.of(first, second)));
    }

    @Test
    public void unknownTokenIsRejected() throws Exception {
        HttpResponse<String> response = post(batch(UUID.randomUUID().toString()), "not-a-province-token-at-all");

        assertEquals(response.body(), 401, response.statusCode());
        assertTrue(response.body(), response.body().contains("token"));
    }

    @Test
    public void largeBodyWithoutTokenIsRejected() throws Exception {
        String body = "x".repeat(4 * 1024 * 1024);

        HttpResponse<String> response = post(body, "not-a-province-token-at-all");

        assertEquals(response.body(), 401, response.statusCode());
    }

    @Test
    public void formEncodedBatchIsRejected() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/hq/v1/batches"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + provinceToken())
                .POST(HttpRequest.BodyPublishers.ofString(batch(UUID.randomUUID().toString())))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 415, response.statusCode());
        assertTrue(response.body(), response.body().contains("application/json"));
    }

    @Test
    public void malformedBatchIsRejectedNamingTheField() throws Exception {
        String body = "{\"province\":\"" + PROVINCE + "\",\"batchId\":\"b1\",\"records\":[{\"eventId\":\"short\",\"type\":\"position\","
                + "\"createdAt\":\"2026-12-04T10:00:00Z\",\"payload\":{}}]}";

        HttpResponse<String> response = post(body, provinceToken());

        assertEquals(response.body(), 400, response.statusCode());
        assertTrue(response.body(), response.body().contains("records[0].eventId 'short' is invalid"));
    }

    private static String batch(String... eventIds) {
        StringBuilder records = new StringBuilder();
        for (String eventId : eventIds) {
            records.append(records.length() == 0 ? "" : ",")
                    .append("{\"eventId\":\"").append(eventId).append("\",\"type\":\"position\",\"createdAt\":\"2026-12-04T10:00:00Z\",")
                    .append("\"payload\":{\"eventId\":\"").append(eventId).append("\",\"vehicleId\":null,\"receivedAt\":\"2026-12-04T10:00:00Z\",")
                    .append("\"fix\":{\"deviceId\":\"IT-HTTP\",\"fixTime\":\"2026-12-04T09:59:59Z\",\"latitude\":31.5204,\"longitude\":74.3587,")
                    .append("\"speedKmh\":42.0,\"valid\":true}}}");
        }
        return "{\"province\":\"" + PROVINCE + "\",\"batchId\":\"" + UUID.randomUUID() + "\",\"records\":[" + records + "]}";
    }

    private static HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/hq/v1/batches"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
