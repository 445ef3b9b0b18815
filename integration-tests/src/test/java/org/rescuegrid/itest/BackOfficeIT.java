package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the back office in the real node. The demo's procedures and roster load, and a failed readiness
 * check takes a vehicle out of the front office's recommendation. A configuration change is audited, the
 * audit chain verifies after the bundle restarts, and its records and the incident's compliance reach HQ.
 * There the compliance scores equal the node's over REST, and HQ's copy of the audit chain verifies, also
 * after the HQ bundle restarts, until a record is altered.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackOfficeIT extends RescueGridTestSupport {

    private static final String TEST_ADMIN = "it-admin";
    private static final String TEST_ADMIN_PASSWORD = "admin-secret";

    @Inject
    @Filter(timeout = 120_000)
    private FrontOfficeService frontOffice;

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    private static final String HQ_VIEWER = "it-hq-viewer";
    private static final String HQ_VIEWER_PASSWORD = "hq-viewer-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    // Pax Exam looks for the annotation on the method it calls, so the override repeats it.
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/users.properties", TEST_ADMIN, TEST_ADMIN_PASSWORD + ",_g_:admingroup"),
                editConfigurationFilePut("etc/users.properties", HQ_VIEWER, HQ_VIEWER_PASSWORD + ",hq-viewer"));
    }

    @Test
    public void proceduresReadinessAuditAndCompliance() throws Exception {
        waitFor("the back office's commands", () -> outputContains("rescue:sop-list", "road-traffic-accident"));
        String procedures = executeCommand("rescue:sop-list");
        assertTrue(procedures, procedures.contains("fire"));
        assertTrue(procedures, procedures.contains("medical-emergency"));
        assertFalse(procedures, procedures.contains("Not loaded"));
        String steps = executeCommand("rescue:sop-show road-traffic-accident");
        assertTrue(steps, steps.contains("checklist:scene-safety"));
        assertTrue(steps, steps.contains("1:00 after call"));
        assertTrue(executeCommand("rescue:roster --staff").contains("S-201"));

        CallRecord call = frontOffice.receiveCall(NewCall.emergency(Instant.now(), "03001119999", IncidentType.ROAD_TRAFFIC_ACCIDENT,
                Location.of(31.5106, 74.3428)));
        String incident = call.incidentId();
        assertTrue(ids(frontOffice.recommend(incident)).contains("AMB-LHR-101"));
        executeCommand("rescue:readiness-check --fail oxygen --fail stretcher --staff S-201 AMB-LHR-101");
        assertFalse(ids(frontOffice.recommend(incident)).contains("AMB-LHR-101"));
        assertTrue(executeCommand("rescue:readiness").contains("OUT OF SERVICE"));
        executeCommand("rescue:readiness-check --staff S-201 AMB-LHR-101");
        assertTrue(ids(frontOffice.recommend(incident)).contains("AMB-LHR-101"));

        // The timer evaluates the open incident: its dispatch step is pending or, on a slow machine, overdue.
        waitFor("compliance of " + incident, () -> executeCommand("rescue:compliance --incident " + incident).contains("dispatcher"));

        Configuration configuration = configurationAdmin.getConfiguration("org.rescuegrid.backoffice", "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>() : configuration.getProperties();
        properties.put("evaluationSeconds", "2");
        configuration.update(properties);
        waitFor("the configuration change in the audit trail",
                () -> outputContains("rescue:audit --action config-update --target org.rescuegrid.backoffice", "evaluationSeconds=2"));

        Bundle backOffice = bundle("org.rescuegrid.backoffice");
        backOffice.stop();
        backOffice.start();
        waitFor("the back office after its restart", () -> outputContains("rescue:audit-verify", "verified "));
        long records = Long.parseLong(executeCommand("rescue:audit-verify").strip().split(" ")[1]);
        assertTrue("audit records: " + records, records >= 5);

        Set<String> nodeAudit = column(nodeDatabase, "SELECT event_id FROM bo_audit");
        waitFor("the audit records at HQ", () -> column(hqDatabase, "SELECT event_id FROM hq_record WHERE record_type = 'audit'").containsAll(nodeAudit));
        assertEquals(nodeAudit.size(), hqRecordCount(nodeAudit));

        executeCommand("rescue:dispatch " + incident + " AMB-LHR-102");
        executeCommand("rescue:incident-step " + incident + " AMB-LHR-102 on-scene");
        executeCommand("rescue:incident-step " + incident + " AMB-LHR-102 left-scene");
        executeCommand("rescue:incident-step " + incident + " AMB-LHR-102 back-in-service");
        executeAs(TEST_SUPERVISOR, TEST_SUPERVISOR_PASSWORD, "rescue:incident-close --rescued 1 --first-aid 1 --hospital 0 --deaths 0 " + incident);
        waitFor("the final compliance of " + incident + " at HQ",
                () -> !column(hqDatabase, "SELECT event_id FROM hq_record WHERE record_type = 'compliance'").isEmpty());
        String closes = executeCommand("rescue:audit --action incident-close --target " + incident);
        assertTrue(closes, closes.contains("closed at"));
        assertTrue(executeCommand("rescue:audit-verify").startsWith("verified "));
        String scores = executeCommand("rescue:compliance --by district");
        assertTrue(scores, scores.contains("Lahore"));

        complianceOverRestEqualsConsole();
        onlyAdminsChangeProcedures();
        complianceAtHq(incident);
        auditChainAtHq();
    }

    /** Checks that HQ's REST API gives the incident's step results as the node evaluated them. */
    private void complianceAtHq(String incident) throws Exception {
        // The node stores statuses as constant names (NOT_APPLICABLE), the compliance record as labels (not-applicable).
        Set<String> nodeSteps = new TreeSet<>();
        column(nodeDatabase, "SELECT step_id || ' ' || LOWER(status) || ' ' || COALESCE(staff_id, '-') FROM bo_compliance WHERE incident_id = '"
                + incident + "'").forEach(step -> nodeSteps.add(step.replace('_', '-')));
        Set<String> hqSteps = column(hqDatabase, "SELECT step_id || ' ' || status || ' ' || COALESCE(staff_id, '-')"
                + " FROM hq_compliance_step WHERE province = '" + PROVINCE + "' AND incident_id = '" + incident + "'");
        assertFalse(nodeSteps.isEmpty());
        assertEquals(nodeSteps, hqSteps);

        JsonNode body = JSON.readTree(hqApi("compliance?district=" + PROVINCE));
        JsonNode districts = body.get("districts");
        assertEquals(body.toString(), 1, districts.size());
        JsonNode lahore = districts.get(0);
        assertEquals(PROVINCE, lahore.get("district").asText());
        assertEquals(lahore.toString(), 1, lahore.get("incidents").asInt());
        JsonNode score = lahore.get("score");
        long met = nodeSteps.stream().filter(step -> step.contains(" met ")).count();
        long counted = nodeSteps.stream().filter(step -> step.matches("\\S+ (met|late|missed) .*")).count();
        assertEquals(score.toString(), met, score.get("met").asLong());
        assertEquals(score.toString(), counted, score.get("met").asLong() + score.get("late").asLong() + score.get("missed").asLong());
        assertEquals(lahore.toString(), "Lahore", lahore.get("byDistrict").get(0).get("key").asText());
        assertTrue(lahore.toString(), lahore.get("byPerson").size() >= 1);
    }

    /** Checks HQ's copy of the node's audit chain over REST and the console, after an HQ restart, and with one record altered. */
    private void auditChainAtHq() throws Exception {
        String nodeVerification = executeCommand("rescue:audit-verify").strip();
        assertTrue(nodeVerification, nodeVerification.startsWith("verified "));
        long nodeRecords = Long.parseLong(nodeVerification.split(" ")[1]);
        waitFor("HQ's copy of all " + nodeRecords + " audit records", () -> hqAuditVerified() == nodeRecords);

        JsonNode chain = JSON.readTree(hqApi("audit/verify?district=" + PROVINCE)).get("districts").get(0);
        assertTrue(chain.toString(), chain.get("intact").asBoolean());
        assertEquals(chain.toString(), nodeRecords, chain.get("records").asLong());
        String lastNodeHash = column(nodeDatabase, "SELECT hash FROM bo_audit WHERE seq = " + nodeRecords).iterator().next();
        assertEquals(lastNodeHash, chain.get("lastHash").asText());
        String console = executeCommand("rescue:hq-audit-verify --district " + PROVINCE);
        assertTrue(console, console.contains("intact"));

        Bundle hq = bundle("org.rescuegrid.hq");
        hq.stop();
        hq.start();
        waitFor("HQ's audit check after its restart", () -> outputContains("rescue:hq-audit-verify --district " + PROVINCE, "intact"));
        waitFor("HQ's read API after its restart", () -> hqAuditVerified() == nodeRecords);

        try (Connection connection = hqDatabase.getConnection(); PreparedStatement alter = connection.prepareStatement(
                "UPDATE hq_audit SET actor = 'someone-else' WHERE province = ? AND seq = 2")) {
            alter.setString(1, PROVINCE);
            assertEquals(1, alter.executeUpdate());
        }
        JsonNode broken = JSON.readTree(hqApi("audit/verify?district=" + PROVINCE)).get("districts").get(0);
        assertFalse(broken.toString(), broken.get("intact").asBoolean());
        assertEquals(broken.toString(), 2, broken.get("firstBroken").asLong());
        String brokenConsole = executeCommand("rescue:hq-audit-verify --district " + PROVINCE);
        assertTrue(brokenConsole, brokenConsole.contains("broken at record 2: its fields do not match its hash (edited)"));
    }

    /** Returns how many of the node's audit records verify at HQ, or -1 while the API is not reachable or the chain is broken. */
    private long hqAuditVerified() {
        try {
            JsonNode districts = JSON.readTree(hqApi("audit/verify")).get("districts");
            for (JsonNode district : districts) {
                if (PROVINCE.equals(district.get("district").asText()) && district.get("intact").asBoolean()) {
                    return district.get("verified").asLong();
                }
            }
            return -1;
        } catch (IOException | AssertionError e) {
            return -1;
        }
    }

    /** Returns the body of a successful GET of HQ's read API with the viewer's Basic credentials. */
    private static String hqApi(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort() + "/hq/api/v1/" + path).openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        String token = Base64.getEncoder().encodeToString((HQ_VIEWER + ":" + HQ_VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        connection.setRequestProperty("Authorization", "Basic " + token);
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new AssertionError("GET /hq/api/v1/" + path + " returned " + status + ": " + body);
            }
            return body;
        } finally {
            connection.disconnect();
        }
    }

    /** The REST API returns the console's figures: the same groups with the same score, met, late, missed and overdue steps. */
    private void complianceOverRestEqualsConsole() throws IOException {
        Response rest = http("GET", "/compliance?by=district", TEST_SUPERVISOR, TEST_SUPERVISOR_PASSWORD, null, null);
        assertEquals(rest.body, 200, rest.status);
        String console = executeCommand("rescue:compliance --by district");
        Matcher score = Pattern.compile("\\{\"key\":\"([^\"]*)\",\"score\":(null|\\d+),\"met\":(\\d+),\"late\":(\\d+),\"missed\":(\\d+),"
                + "\"overdue\":(\\d+),").matcher(rest.body.substring(0, rest.body.indexOf("\"worstSteps\"")));
        List<String> restRows = new ArrayList<>();
        while (score.find()) {
            restRows.add(String.join(" | ", score.group(1), score.group(2).equals("null") ? "-" : score.group(2) + "%", score.group(3), score.group(4),
                    score.group(5), score.group(6)));
        }
        assertFalse(rest.body, restRows.isEmpty());
        List<String> consoleRows = new ArrayList<>();
        for (String line : console.lines().skip(2).takeWhile(line -> line.contains("|")).toList()) {
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::strip).toList();
            consoleRows.add(String.join(" | ", cells.subList(0, 6)));
        }
        assertEquals(console, consoleRows, restRows);
    }

    /**
     * A supervisor's procedure change is rejected over REST and on the console, and each attempt is audited. An
     * admin's change over REST is accepted and audited with the user and the client address.
     */
    private void onlyAdminsChangeProcedures() throws Exception {
        String fireV2 = "{\"incidentType\":\"fire\",\"version\":2,\"title\":\"Fire, dispatch within 45 s\",\"steps\":["
                + "{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"},"
                + "{\"id\":\"dispatch\",\"role\":\"dispatcher\",\"fact\":\"lifecycle:dispatched\",\"after\":\"call\",\"withinSeconds\":45}]}";

        Response refused = http("POST", "/sops", TEST_SUPERVISOR, TEST_SUPERVISOR_PASSWORD, fireV2, "application/json");
        assertEquals(refused.body, 403, refused.status);
        assertTrue(refused.body, refused.body.contains("only admins publish procedures"));
        Response badQuery = http("GET", "/roster?at=yesterday", TEST_SUPERVISOR, TEST_SUPERVISOR_PASSWORD, null, null);
        assertEquals(badQuery.body, 400, badQuery.status);
        assertTrue(badQuery.body, badQuery.body.contains("'at' value 'yesterday' is invalid; use a UTC date such as 2026-12-04"));
        Path file = Files.writeString(Files.createTempFile("fire-v2", ".json"), fireV2);
        try {
            executeAs(TEST_SUPERVISOR, TEST_SUPERVISOR_PASSWORD, "rescue:sop-publish " + file);
            throw new IllegalStateException("a supervisor published a procedure on the console");
        } catch (AssertionError e) {
            assertTrue(e.getMessage(), e.getMessage().contains("only admins publish procedures; user " + TEST_SUPERVISOR));
        } finally {
            Files.delete(file);
        }
        String rejected = executeCommand("rescue:audit --action sop-publish-rejected --actor " + TEST_SUPERVISOR);
        assertTrue(rejected, rejected.contains(" rest "));
        assertTrue(rejected, rejected.contains(" console "));
        assertFalse(executeCommand("rescue:sop-list").contains("Fire, dispatch within 45 s"));

        Response published = http("POST", "/sops", TEST_ADMIN, TEST_ADMIN_PASSWORD, fireV2, "application/json");
        assertEquals(published.body, 201, published.status);
        assertTrue(executeCommand("rescue:sop-list").contains("Fire, dispatch within 45 s"));
        String audited = executeCommand("rescue:audit --action sop-publish --target v2");
        assertTrue(audited, audited.contains(TEST_ADMIN));
        assertTrue(audited, audited.contains(" rest "));
        assertTrue(audited, audited.contains("127.0.0.1"));
        Response reads = http("GET", "/audit?action=rest-read&actor=" + TEST_SUPERVISOR, TEST_ADMIN, TEST_ADMIN_PASSWORD, null, null);
        assertTrue(reads.body, reads.body.contains("GET /api/v1/compliance?by=district -> 200"));
        Response verify = http("GET", "/audit/verify", TEST_ADMIN, TEST_ADMIN_PASSWORD, null, null);
        assertTrue(verify.body, verify.body.contains("\"intact\":true"));
    }

    private static final class Response {
        final int status;
        final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private static Response http(String method, String path, String user, String password, String body, String contentType) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort() + "/api/v1" + path).openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        connection.setRequestProperty("Authorization", "Basic " + token);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", contentType);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (stream != null) {
            try (InputStream in = stream) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        connection.disconnect();
        return new Response(status, text);
    }

    /** Returns whether a command printed the text; false while the command is not registered, as during a restart of its bundle. */
    private boolean outputContains(String command, String text) {
        try {
            return executeCommand(command).contains(text);
        } catch (AssertionError e) {
            return false;
        }
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::vehicleId).toList();
    }

    private static Set<String> column(DataSource database, String sql) {
        Set<String> values = new TreeSet<>();
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1).strip());
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
        return values;
    }
}
