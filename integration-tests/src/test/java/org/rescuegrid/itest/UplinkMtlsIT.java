package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The district's uplink sends to HQ's HTTPS receiver with its client certificate and reconciles there without a
 * token, and HQ identifies each district by its certificate. The test creates a CA, HQ's certificate and the districts' certificates with keytool before
 * the node boots, so no key is committed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UplinkMtlsIT extends RescueGridTestSupport {

    private static final int L70_FIXES = 16;
    private static final String TLS_PID = "org.rescuegrid.hq.tls";

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        Path directory = Files.createTempDirectory("rescuegrid-pki");
        String password = "pki-" + UUID.randomUUID();
        Path trustStore = MtlsTestCertificates.create(directory, password);

        int tlsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            tlsPort = socket.getLocalPort();
        }
        String hqTls = "etc/" + TLS_PID + ".cfg";
        String uplink = "etc/org.rescuegrid.uplink.cfg";
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut(hqTls, "port", String.valueOf(tlsPort)),
                editConfigurationFilePut(hqTls, "keyStore", directory.resolve("hq.p12").toString()),
                editConfigurationFilePut(hqTls, "keyStorePassword", password),
                editConfigurationFilePut(hqTls, "trustStore", trustStore.toString()),
                editConfigurationFilePut(hqTls, "trustStorePassword", password),
                editConfigurationFilePut(hqTls, "district." + PROVINCE + ".cn", PROVINCE),
                editConfigurationFilePut(hqTls, "district.PB-KHI.cn", "PB-KHI"),
                editConfigurationFilePut(hqTls, "crl", directory.resolve("hq.crl").toString()),
                editConfigurationFilePut(uplink, "hqUrl", "https://127.0.0.1:" + tlsPort + "/hq/v1/batches"),
                editConfigurationFilePut(uplink, "token", ""),
                editConfigurationFilePut(uplink, "keyStore", directory.resolve("pb-lhr.p12").toString()),
                editConfigurationFilePut(uplink, "keyStorePassword", password),
                editConfigurationFilePut(uplink, "trustStore", trustStore.toString()),
                editConfigurationFilePut(uplink, "trustStorePassword", password),
                systemProperty("rescuegrid.test.pki").value(directory.toString()),
                systemProperty("rescuegrid.test.pkiPassword").value(password),
                systemProperty("rescuegrid.test.tlsPort").value(String.valueOf(tlsPort)));
    }

    @Test
    public void positionsReachHqOverMutualTls() throws Exception {
        String deviceId = uniqueDeviceId("IT-MTLS");

        streamLog(deviceId, "quectel-L70.log");

        waitFor("16 positions stored at the node", () -> positions.countForDevice(deviceId) == L70_FIXES);
        waitFor("16 positions at HQ", () -> hqEventIds(deviceId).size() == L70_FIXES);
        Set<String> nodeIds = nodeEventIds(deviceId);
        assertEquals(nodeIds, hqEventIds(deviceId));
        assertEquals("HQ holds each event exactly once", L70_FIXES, hqRecordCount(nodeIds));
        assertEquals("http", uplink.status().transport());
    }

    @Test
    public void handshakeFailureKeepsRecordsInOutbox() throws Exception {
        String deviceId = uniqueDeviceId("IT-MTLS-OUT");
        Configuration configuration = configurationAdmin.getConfiguration(TLS_PID, "?");
        Dictionary<String, Object> original = configuration.getProperties();
        Dictionary<String, Object> strangerCa = copy(original);
        strangerCa.put("trustStore", trustStoreOf("impostor").toString());
        // HQ rejects a CRL that no CA of its trust store signed, and would then not listen at all.
        strangerCa.remove("crl");

        configuration.update(strangerCa);
        try {
            waitFor("HQ to reject the district's certificate", () -> !handshakeSucceeds("pb-lhr"));
            streamLog(deviceId, "quectel-L70.log");
            waitFor("16 positions stored at the node", () -> positions.countForDevice(deviceId) == L70_FIXES);
            waitFor("the uplink to report the failed upload", () -> uplink.status().lastError() != null);
            assertTrue("records wait in the outbox", uplink.status().backlog() >= L70_FIXES);
            assertEquals("HQ received nothing while it rejected the certificate", Set.of(), hqEventIds(deviceId));
            waitFor("one WARN naming the district and the handshake", () -> karafLog().contains("province=" + PROVINCE + " TLS handshake with HQ"));
        } finally {
            configuration.update(original);
        }

        waitFor("the outbox to drain after HQ trusts the district again", () -> hqEventIds(deviceId).size() == L70_FIXES);
        Set<String> nodeIds = nodeEventIds(deviceId);
        assertEquals(nodeIds, hqEventIds(deviceId));
        assertEquals("HQ holds each event exactly once", L70_FIXES, hqRecordCount(nodeIds));
        waitFor("an empty outbox", () -> uplink.status().backlog() == 0);
        assertNotNull(uplink.status().lastSuccess());
    }

    @Test
    public void certificateOfUnknownCaFailsHandshake() throws Exception {
        HttpClient client = client("impostor");

        assertThrows(IOException.class, () -> client.send(batchRequest(PROVINCE, UUID.randomUUID().toString()),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    public void unmappedCertificateRejectedWith403() throws Exception {
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> response = client("pb-xyz").send(batchRequest("PB-XYZ", eventId), HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 403, response.statusCode());
        assertTrue(response.body(), response.body().contains("client certificate CN=PB-XYZ"));
        assertTrue(response.body(), response.body().contains("is not configured for any district"));
        assertEquals(0, hqRecordCount(Set.of(eventId)));
    }

    @Test
    public void batchForAnotherDistrictRejectedWith403() throws Exception {
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> response = client("pb-khi").send(batchRequest(PROVINCE, eventId), HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 403, response.statusCode());
        assertTrue(response.body(), response.body().contains("client certificate identifies district PB-KHI but the batch names " + PROVINCE));
        assertEquals(0, hqRecordCount(Set.of(eventId)));
    }

    @Test
    public void secondDistrictStoresOwnBatch() throws Exception {
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> response = client("pb-khi").send(batchRequest("PB-KHI", eventId), HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.body(), response.body().contains(eventId));
        assertEquals(1, hqRecordCount(Set.of(eventId)));
    }

    @Test
    public void reconcileOverMutualTlsWithoutToken() throws Exception {
        String deviceId = uniqueDeviceId("IT-MTLS-REC");
        streamLog(deviceId, "quectel-L70.log");
        waitFor("16 positions at HQ", () -> hqEventIds(deviceId).size() == L70_FIXES);
        Set<String> nodeIds = nodeEventIds(deviceId);
        List<String> deleted = new ArrayList<>(nodeIds).subList(0, 2);
        deleteAtHq(deleted);
        String day = LocalDate.now(ZoneOffset.UTC).toString();

        String report = executeCommand("rescue:uplink-reconcile --day " + day + " --list 1000 --resend");

        assertTrue(report, report.contains("Reconciliation of " + day + " (UTC) with HQ"));
        for (String id : deleted) {
            assertTrue("deleted id " + id + " is listed:\n" + report, report.contains(id));
        }
        waitFor("the resent positions at HQ", () -> hqRecordCount(Set.copyOf(deleted)) == 2);
        assertEquals(nodeIds, hqEventIds(deviceId));
        assertTrue("HQ kept the result for " + PROVINCE, hasReconciliation(PROVINCE, day));
    }

    @Test
    public void certificateReconcilesOwnDistrictOnly() throws Exception {
        HttpClient karachi = client("pb-khi");

        HttpResponse<String> own = karachi.send(reconciliationRequest("reconciliation", summaryBody("PB-KHI")),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherSummary = karachi.send(reconciliationRequest("reconciliation", summaryBody(PROVINCE)),
                HttpResponse.BodyHandlers.ofString());
        String runId = UUID.randomUUID().toString();
        HttpResponse<String> otherIds = karachi.send(reconciliationRequest("reconciliation/ids", "{\"province\":\"" + PROVINCE
                + "\",\"runId\":\"" + runId + "\",\"day\":\"2026-12-04\",\"type\":\"position\",\"ids\":[],\"last\":true}"),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(own.body(), 200, own.statusCode());
        assertTrue(own.body(), own.body().contains("\"runId\""));
        assertEquals(otherSummary.body(), 403, otherSummary.statusCode());
        assertTrue(otherSummary.body(), otherSummary.body().contains("client certificate belongs to province PB-KHI, request names " + PROVINCE));
        assertEquals(otherIds.body(), 403, otherIds.statusCode());
        assertTrue(otherIds.body(), otherIds.body().contains("client certificate belongs to province PB-KHI, request names " + PROVINCE));
        assertFalse("no result of PB-LHR for 2026-12-04 was written", hasReconciliation(PROVINCE, "2026-12-04"));
    }

    @Test
    public void unmappedCertificateCannotReconcile() throws Exception {
        HttpResponse<String> response = client("pb-xyz").send(reconciliationRequest("reconciliation", summaryBody("PB-XYZ")),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 403, response.statusCode());
        assertTrue(response.body(), response.body().contains("is not configured for any district"));
    }

    @Test
    public void certificateInCrlRejected() throws Exception {
        String eventId = UUID.randomUUID().toString();

        HttpResponse<String> response = client("pb-khi-old").send(batchRequest("PB-KHI", eventId), HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 403, response.statusCode());
        assertTrue(response.body(), response.body().contains("client certificate of district PB-KHI"));
        assertTrue(response.body(), response.body().contains("is listed in the CRL"));
        assertEquals(0, hqRecordCount(Set.of(eventId)));
        String warning = "district=PB-KHI rejected: client certificate SHA-256=" + fingerprint("pb-khi-old");
        waitFor("a WARN naming the district and the fingerprint", () -> karafLog().contains(warning));
    }

    @Test
    public void revokedFingerprintAppliedWithoutRestart() throws Exception {
        Configuration configuration = configurationAdmin.getConfiguration(TLS_PID, "?");
        Dictionary<String, Object> original = configuration.getProperties();
        Dictionary<String, Object> revoked = copy(original);
        String fingerprint = fingerprint("pb-khi");
        revoked.put("revokedFingerprints", fingerprint);

        configuration.update(revoked);
        try {
            waitFor("HQ to reject PB-KHI's certificate", () -> karachiStatus() == 403);
            HttpResponse<String> response = client("pb-khi").send(batchRequest("PB-KHI", UUID.randomUUID().toString()),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(response.body(), response.body().contains("its fingerprint is listed in revokedFingerprints"));
            waitFor("a WARN naming the district and the fingerprint",
                    () -> karafLog().contains("district=PB-KHI rejected: client certificate SHA-256=" + fingerprint));
        } finally {
            configuration.update(original);
        }

        waitFor("HQ to accept PB-KHI's certificate again", () -> karachiStatus() == 415);
    }

    /** Returns HQ's status for a PB-KHI request with the wrong content type: 415 once the certificate passes, 403 when revoked. */
    private static int karachiStatus() {
        try {
            return client("pb-khi").send(batchRequest("PB-KHI", UUID.randomUUID().toString(), "text/plain"),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (Exception e) {
            throw new AssertionError("client for pb-khi could not be built: " + e.getMessage(), e);
        }
    }

    /** Returns the SHA-256 fingerprint of a holder's certificate as HQ logs it: upper-case hex pairs joined by colons. */
    private static String fingerprint(String holder) throws Exception {
        byte[] encoded = load(pki().resolve(holder + ".p12")).getCertificate(holder).getEncoded();
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
    }

    private static boolean handshakeSucceeds(String holder) {
        try {
            HttpResponse<String> response = client(holder).send(batchRequest(PROVINCE, UUID.randomUUID().toString(), "text/plain"),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 415;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (Exception e) {
            throw new AssertionError("client for " + holder + " could not be built: " + e.getMessage(), e);
        }
    }

    /** Returns a client that presents the holder's certificate and trusts the test CA. */
    private static HttpClient client(String holder) throws Exception {
        char[] password = System.getProperty("rescuegrid.test.pkiPassword").toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(pki().resolve(holder + ".p12")), password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(pki().resolve("truststore.p12")));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Writes a trust store whose only CA is the self-signed impostor, which never signed a district's certificate. */
    private static Path trustStoreOf(String holder) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(holder, load(pki().resolve(holder + ".p12")).getCertificate(holder));
        Path file = pki().resolve(holder + "-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trusted.store(out, System.getProperty("rescuegrid.test.pkiPassword").toCharArray());
        }
        return file;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, System.getProperty("rescuegrid.test.pkiPassword").toCharArray());
        }
        return store;
    }

    private static HttpRequest batchRequest(String district, String eventId) {
        return batchRequest(district, eventId, "application/json");
    }

    private static HttpRequest batchRequest(String district, String eventId, String contentType) {
        String body = "{\"province\":\"" + district + "\",\"batchId\":\"" + UUID.randomUUID() + "\",\"records\":[{\"eventId\":\"" + eventId
                + "\",\"type\":\"position\",\"createdAt\":\"2026-12-04T10:00:00Z\",\"payload\":{\"eventId\":\"" + eventId
                + "\",\"vehicleId\":null,\"receivedAt\":\"2026-12-04T10:00:00Z\",\"fix\":{\"deviceId\":\"IT-MTLS-DIRECT\","
                + "\"fixTime\":\"2026-12-04T09:59:59Z\",\"latitude\":31.5204,\"longitude\":74.3587,\"speedKmh\":42.0,\"valid\":true}}}]}";
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + Integer.getInteger("rescuegrid.test.tlsPort") + "/hq/v1/batches"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest reconciliationRequest(String path, String body) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + Integer.getInteger("rescuegrid.test.tlsPort") + "/hq/v1/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String summaryBody(String district) {
        return "{\"province\":\"" + district + "\",\"day\":\"2026-12-04\",\"types\":[{\"type\":\"position\",\"count\":0,"
                + "\"digest\":\"0000000000000000\"}]}";
    }

    private void deleteAtHq(List<String> eventIds) throws SQLException {
        try (Connection connection = hqDatabase.getConnection();
                PreparedStatement position = connection.prepareStatement("DELETE FROM hq_position WHERE event_id = ?");
                PreparedStatement record = connection.prepareStatement("DELETE FROM hq_record WHERE event_id = ?")) {
            for (String id : eventIds) {
                position.setString(1, id);
                assertEquals(1, position.executeUpdate());
                record.setString(1, id);
                assertEquals(1, record.executeUpdate());
            }
        }
    }

    private boolean hasReconciliation(String district, String day) throws SQLException {
        try (Connection connection = hqDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM hq_reconciliation WHERE province = ? AND recon_day = ?")) {
            query.setString(1, district);
            query.setDate(2, java.sql.Date.valueOf(day));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static Path pki() {
        return Path.of(System.getProperty("rescuegrid.test.pki"));
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> source) {
        Dictionary<String, Object> copy = new Hashtable<>();
        for (String key : java.util.Collections.list(source.keys())) {
            copy.put(key, source.get(key));
        }
        return copy;
    }

    private static String karafLog() {
        try {
            return Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
