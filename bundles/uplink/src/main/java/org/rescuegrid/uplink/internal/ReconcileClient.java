package org.rescuegrid.uplink.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rescuegrid.api.audit.AuditChainHead;
import org.rescuegrid.api.uplink.ReconciliationResult;
import org.rescuegrid.feed.support.IdDigest;

/**
 * Calls HQ's reconciliation endpoints, {@code reconciliation}, {@code reconciliation/ids} and
 * {@code reconciliation/audit-chain} beside the receiver's {@code batches} URL. A district authenticates as it
 * does for batches: with the province's bearer token on the plain receiver, or with its client certificate on
 * HQ's mutual-TLS listener and no token.
 */
final class ReconcileClient implements DayReconciliation.Hq {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String province;
    private final URI summaryUrl;
    private final URI idsUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param token the province's bearer token, or null when the district authenticates by its client certificate
     * @param tls the TLS context of an https URL (trust store and, for mutual TLS, key store), or null for http
     */
    ReconcileClient(String province, URI batchesUrl, String token, SSLContext tls, Duration timeout) {
        this.province = province;
        this.summaryUrl = batchesUrl.resolve("reconciliation");
        this.idsUrl = batchesUrl.resolve("reconciliation/ids");
        this.token = token;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    @Override
    public DayReconciliation.Summary summary(LocalDate day, Map<String, IdDigest> digests) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("province", province);
        body.put("day", day.toString());
        ArrayNode types = body.putArray("types");
        digests.forEach((type, digest) -> types.addObject().put("type", type).put("count", digest.count()).put("digest", digest.hex()));

        JsonNode response = post(summaryUrl, body);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Boolean> matches = new LinkedHashMap<>();
        for (JsonNode type : response.path("types")) {
            counts.put(type.path("type").asText(), type.path("hqCount").asLong());
            matches.put(type.path("type").asText(), type.path("match").asBoolean());
        }
        String runId = response.path("runId").asText(null);
        if (runId == null || !counts.keySet().containsAll(digests.keySet())) {
            throw new IllegalStateException("HQ's reconciliation response at " + summaryUrl + " lacks the run id or a record type: "
                    + BatchCodec.abbreviate(response.toString()));
        }
        return new DayReconciliation.Summary(runId, counts, matches);
    }

    @Override
    public List<String> missing(String runId, LocalDate day, String type, List<String> ids, boolean last) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("province", province);
        body.put("runId", runId);
        body.put("day", day.toString());
        body.put("type", type);
        ArrayNode array = body.putArray("ids");
        ids.forEach(array::add);
        body.put("last", last);

        List<String> missing = new ArrayList<>();
        post(idsUrl, body).path("missing").forEach(id -> missing.add(id.asText()));
        return missing;
    }

    @Override
    public ReconciliationResult.AuditChainResult auditChain(LocalDate day, AuditChainHead head) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("province", province);
        body.put("day", day.toString());
        body.put("records", head.records());
        body.put("lastSeq", head.lastSeq());
        body.put("lastHash", head.lastHash());

        JsonNode response = post(summaryUrl.resolve("reconciliation/audit-chain"), body);
        return new ReconciliationResult.AuditChainResult(head.records(), head.lastSeq(), response.path("hqRecords").asLong(),
                response.path("hqLastSeq").asLong(), response.path("match").asBoolean());
    }

    private JsonNode post(URI url, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HQ at " + url + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for HQ at " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HQ at " + url + " responded with HTTP " + response.statusCode() + ": "
                    + BatchCodec.abbreviate(response.body()));
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HQ at " + url + " returned invalid JSON: " + BatchCodec.abbreviate(response.body()), e);
        }
    }
}
