package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Records deleted at HQ are found by {@code rescue:uplink-reconcile} and, with {@code --resend}, reach HQ
 * again exactly once; HQ keeps the result and the uplink's backlog for the dashboard.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReconciliationIT extends RescueGridTestSupport {

    private static final int L70_FIXES = 16;
    private static final String VIEWER = "reconcile-viewer";
    private static final String VIEWER_PASSWORD = "viewer-pass-R3c0n";
    private static final Pattern INCIDENT_ID = Pattern.compile("INC-\\d{6}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @Filter(timeout = 120_000)
    private CamelContext camel;

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/users.properties", VIEWER, VIEWER_PASSWORD + ",_g_:hqviewers"));
    }

    @Test
    public void deletedRecordsFoundAndResentOnce() throws Exception {
        String deviceId = uniqueDeviceId("IT-RECON");
        streamLog(deviceId, "quectel-L70.log");
        waitFor("16 positions stored", () -> positions.countForDevice(deviceId) == L70_FIXES);
        Set<String> nodeIds = nodeEventIds(deviceId);
        waitFor("HQ to hold the device's positions", () -> hqEventIds(deviceId).equals(nodeIds));
        String day = LocalDate.now(ZoneOffset.UTC).toString();

        List<String> deleted = new ArrayList<>(nodeIds).subList(0, 3);
        deleteAtHq(deleted);
        String report = executeCommand("rescue:uplink-reconcile --day " + day + " --list 1000");

        for (String id : deleted) {
            assertTrue("deleted id " + id + " is listed:\n" + report, report.contains(id));
        }
        assertTrue(report, report.contains("Reconciliation of " + day + " (UTC) with HQ"));
        assertEquals("nothing is resent without --resend", 0, hqRecordCount(Set.copyOf(deleted)));
        assertEquals(3, storedMissingCount(day));

        String resent = executeCommand("rescue:uplink-reconcile --day " + day + " --resend --list 1000");
        assertTrue(resent, resent.contains("Resent"));
        waitFor("the resent positions at HQ", () -> hqRecordCount(Set.copyOf(deleted)) == 3);
        assertEquals("HQ holds each position exactly once", L70_FIXES, hqRecordCount(nodeIds));
        assertEquals(nodeIds, hqEventIds(deviceId));

        waitFor("the outbox to drain", () -> uplink.status().backlog() == 0);
        String after = executeCommand("rescue:uplink-reconcile --day " + day);
        assertFalse(after, after.contains("Missing position ids"));
    }

    @Test
    public void deletedIncidentFoundAndResentOnce() throws Exception {
        String output = executeCommand("rescue:call-new --type fire --landmark 'Data Darbar' --caller 03001113333 --people 2");
        Matcher created = INCIDENT_ID.matcher(output);
        assertTrue(output, created.find());
        String incidentId = created.group();
        waitFor("HQ to hold incident " + incidentId, () -> hqIncidentEventId(incidentId) != null);
        String eventId = hqIncidentEventId(incidentId);
        String day = hqRecordDay(eventId);

        deleteHqRecord(eventId);
        String report = executeCommand("rescue:uplink-reconcile --day " + day + " --list 1000");

        assertTrue(report, report.contains("Missing incident ids"));
        assertTrue("deleted incident " + eventId + " is listed:\n" + report, report.contains(eventId));
        assertEquals("nothing is resent without --resend", 0, hqRecordCount(Set.of(eventId)));

        String resent = executeCommand("rescue:uplink-reconcile --day " + day + " --resend --list 1000");
        assertTrue(resent, resent.contains("Resent"));
        waitFor("the resent incident at HQ", () -> hqRecordCount(Set.of(eventId)) == 1);
        waitFor("the outbox to drain", () -> uplink.status().backlog() == 0);
        assertEquals("HQ holds the incident record exactly once", 1, hqRecordCount(Set.of(eventId)));
        assertEquals("HQ projects the incident exactly once", 1, hqIncidentCount(incidentId));
        String after = executeCommand("rescue:uplink-reconcile --day " + day);
        assertFalse(after, after.contains("Missing incident ids"));
    }

    @Test
    public void deletedAuditRecordsReported() throws Exception {
        // Config Admin changes of org.rescuegrid PIDs are audited, and no component reads this PID.
        String pid = "org.rescuegrid.itest.reconcile";
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(pid, null);
        configuration.update(new Hashtable<>(Map.of("marker", uniqueDeviceId("AUDIT"))));
        waitFor("the audit record of " + pid + " at HQ", () -> hqAuditHasNewest(pid));
        waitFor("the outbox to drain", () -> uplink.status().backlog() == 0);
        String matched = executeCommand("rescue:uplink-reconcile");
        assertTrue(matched, matched.contains("Audit chain: HQ's copy ends at this node's newest record"));

        deleteNewestAuditRecord();
        String report = executeCommand("rescue:uplink-reconcile");

        assertTrue(report, report.contains("Audit chain differs from HQ's copy"));
        assertTrue(report, report.contains("records were deleted from this node's chain"));
    }

    @Test
    public void resultAndBacklogServedToDashboard() throws Exception {
        String deviceId = uniqueDeviceId("IT-RECON-API");
        streamLog(deviceId, "quectel-L70.log");
        waitFor("HQ to hold the device's positions", () -> hqEventIds(deviceId).size() == L70_FIXES);
        waitFor("HQ to keep the uplink's backlog", () -> backlogReports() == 1);
        executeCommand("rescue:uplink-reconcile");

        HttpResponse<String> reconciliation = api("reconciliation");
        HttpResponse<String> districts = api("districts");

        assertEquals(reconciliation.body(), 200, reconciliation.statusCode());
        assertTrue(reconciliation.body(), reconciliation.body().contains("\"district\":\"" + PROVINCE + "\""));
        assertTrue(reconciliation.body(), reconciliation.body().contains("\"recordType\":\"position\""));
        assertEquals(districts.body(), 200, districts.statusCode());
        assertTrue(districts.body(), districts.body().contains("\"uplinkBacklog\""));
    }

    @Test
    public void reconciliationRejectsUnknownToken() throws Exception {
        awaitHqRoutes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/hq/v1/reconciliation"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer not-a-province-token-at-all")
                .POST(HttpRequest.BodyPublishers.ofString("{\"province\":\"" + PROVINCE + "\",\"day\":\"2026-12-04\",\"types\":[]}"))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 401, response.statusCode());
    }

    @Test
    public void reconciliationRejectsOtherProvince() throws Exception {
        awaitHqRoutes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/hq/v1/reconciliation"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + provinceToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"province\":\"PB-RWP\",\"day\":\"2026-12-04\",\"types\":"
                        + "[{\"type\":\"position\",\"count\":0,\"digest\":\"0000000000000000\"}]}"))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(response.body(), 403, response.statusCode());
    }

    /** Waits for HQ's token gate, installed with the receiver's route, and the reconciliation route. */
    private void awaitHqRoutes() {
        waitFor("HQ's receiver and reconciliation routes", () -> camel.getRoute("rescuegrid-hq-receiver") != null
                && camel.getRoute("rescuegrid-hq-reconciliation") != null);
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

    /** Returns whether the node's newest audit record targets the PID and HQ stores it. */
    private boolean hqAuditHasNewest(String pid) {
        try (Connection node = nodeDatabase.getConnection(); PreparedStatement newest = node.prepareStatement(
                "SELECT event_id, targets FROM bo_audit WHERE seq = (SELECT MAX(seq) FROM bo_audit)");
                ResultSet rs = newest.executeQuery()) {
            if (!rs.next() || !pid.equals(rs.getString(2))) {
                return false;
            }
            return hqRecordCount(Set.of(rs.getString(1))) == 1;
        } catch (SQLException e) {
            throw new AssertionError("node database query failed: " + e.getMessage(), e);
        }
    }

    private void deleteNewestAuditRecord() throws SQLException {
        try (Connection node = nodeDatabase.getConnection();
                PreparedStatement delete = node.prepareStatement("DELETE FROM bo_audit WHERE seq = (SELECT MAX(seq) FROM bo_audit)")) {
            assertEquals(1, delete.executeUpdate());
        }
    }

    private String hqIncidentEventId(String incidentId) {
        try (Connection connection = hqDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT event_id FROM hq_incident WHERE province = ? AND incident_id = ?")) {
            query.setString(1, PROVINCE);
            query.setString(2, incidentId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError("HQ database query failed: " + e.getMessage(), e);
        }
    }

    private long hqIncidentCount(String incidentId) throws SQLException {
        try (Connection connection = hqDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM hq_incident WHERE province = ? AND incident_id = ?")) {
            query.setString(1, PROVINCE);
            query.setString(2, incidentId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Returns the UTC day of the record's creation time, the day that reconciliation selects it by. */
    private String hqRecordDay(String eventId) throws SQLException {
        try (Connection connection = hqDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT created_at FROM hq_record WHERE event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue("HQ holds record " + eventId, rs.next());
                Timestamp createdAt = rs.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
                return LocalDate.ofInstant(createdAt.toInstant(), ZoneOffset.UTC).toString();
            }
        }
    }

    /** Deletes only the hq_record row, as a hand-made deletion might, so that the projected incident stays. */
    private void deleteHqRecord(String eventId) throws SQLException {
        try (Connection connection = hqDatabase.getConnection();
                PreparedStatement record = connection.prepareStatement("DELETE FROM hq_record WHERE event_id = ?")) {
            record.setString(1, eventId);
            assertEquals(1, record.executeUpdate());
        }
    }

    private long storedMissingCount(String day) throws SQLException {
        try (Connection connection = hqDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT missing_count, state FROM hq_reconciliation WHERE province = ? AND recon_day = ? AND record_type = 'position'")) {
            query.setString(1, PROVINCE);
            query.setDate(2, java.sql.Date.valueOf(day));
            try (ResultSet rs = query.executeQuery()) {
                assertTrue("HQ keeps the result of " + day, rs.next());
                assertEquals("COMPLETE", rs.getString(2));
                return rs.getLong(1);
            }
        }
    }

    private long backlogReports() {
        try (Connection connection = hqDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM hq_uplink_backlog WHERE province = ?")) {
            query.setString(1, PROVINCE);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("HQ database query failed: " + e.getMessage(), e);
        }
    }

    private static HttpResponse<String> api(String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((VIEWER + ":" + VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/hq/api/v1/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
