package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.StepSource;

/**
 * Roles on a real node: users of the distribution's operator and supervisor groups in the JAAS realm, the
 * console's command ACL, and the REST API over HTTP with the same rules. It also dispatches a vehicle with a
 * radio on the demo's simulated gateway, whose statuses then move the incident on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrontOfficeAccessIT extends RescueGridTestSupport {

    private static final String OPERATOR = "it-operator";
    private static final String OPERATOR_PASSWORD = "operator-secret";
    private static final String SUPERVISOR = TEST_SUPERVISOR;
    private static final String SUPERVISOR_PASSWORD = TEST_SUPERVISOR_PASSWORD;
    private static final Pattern INCIDENT_ID = Pattern.compile("\"incidentId\":\"(INC-\\d+)\"");
    private static final Pattern CALL_ID = Pattern.compile("\"callId\":\"(CALL-\\d+)\"");

    @Inject
    @Filter(timeout = 120_000)
    private FrontOfficeService frontOffice;

    // Pax Exam looks for the annotation on the method it calls, so the override repeats it.
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/users.properties", OPERATOR, OPERATOR_PASSWORD + ",_g_:operators"),
                editConfigurationFilePut("etc/users.properties", SUPERVISOR, SUPERVISOR_PASSWORD + ",_g_:supervisors"));
    }

    @Test
    public void consoleClosesForSupervisorsOnly() throws Exception {
        String incidentId = frontOffice.receiveCall(new NewCall(null, null, null, Location.of(31.5497, 74.3436), null, IncidentType.OTHER, 0,
                "console access test", org.rescuegrid.frontoffice.Disposition.EMERGENCY, null, true, "it")).incidentId();
        // Karaf's shell reads options only before the first argument.
        String close = "rescue:incident-close --rescued 1 --first-aid 1 --hospital 0 --deaths 0 " + incidentId;

        AssertionError rejected = expectFailure(() -> executeAs(OPERATOR, OPERATOR_PASSWORD, close));
        assertTrue(rejected.getMessage(), rejected.getMessage().contains("Insufficient credentials")
                || rejected.getMessage().contains("Command not found"));
        assertTrue("still open after the operator's attempt", frontOffice.incident(incidentId).orElseThrow().open());

        String closed = executeAs(SUPERVISOR, SUPERVISOR_PASSWORD, close);
        assertTrue(closed, closed.contains("Incident " + incidentId + " closed: 1 rescued"));
        assertTrue(frontOffice.outcome(incidentId).isPresent());
        String shown = executeAs(OPERATOR, OPERATOR_PASSWORD, "rescue:incident-show " + incidentId);
        assertTrue(shown, shown.contains("Outcome: 1 rescued (1 first aid on scene, 0 to hospital), 0 dead on scene"));
    }

    @Test
    public void restApiFollowsRoles() throws Exception {
        assertEquals(401, http("GET", "/incidents", null, null, null).status);
        assertEquals(401, http("GET", "/incidents", OPERATOR, "wrong-password", null).status);

        Response call = http("POST", "/calls", OPERATOR, OPERATOR_PASSWORD, "{\"type\":\"fire\",\"landmark\":\"Data Darbar\","
                + "\"callerNumber\":\"03004445555\",\"peopleAffected\":2,\"newIncident\":true}");
        assertEquals(call.body, 201, call.status);
        String incidentId = group(INCIDENT_ID, call.body);
        String callId = group(CALL_ID, call.body);
        assertTrue(call.body, call.body.contains("\"operator\":\"" + OPERATOR + "\""));

        Response list = http("GET", "/incidents?type=fire", OPERATOR, OPERATOR_PASSWORD, null);
        assertEquals(200, list.status);
        assertTrue(list.body, list.body.contains(incidentId));
        assertEquals(404, http("GET", "/incidents/INC-999999", OPERATOR, OPERATOR_PASSWORD, null).status);

        Response ranking = http("GET", "/incidents/" + incidentId + "/dispatch", OPERATOR, OPERATOR_PASSWORD, null);
        assertTrue(ranking.body, ranking.body.contains("FIRE-LHR-211"));
        Response textDispatch = http("POST", "/incidents/" + incidentId + "/dispatch", OPERATOR, OPERATOR_PASSWORD, "FIRE-LHR-211", "text/plain");
        assertEquals(415, textDispatch.status);
        Response badDispatch = http("POST", "/incidents/" + incidentId + "/dispatch", OPERATOR, OPERATOR_PASSWORD, "{\"vehicle\":\"FIRE-LHR-211\"}");
        assertEquals(400, badDispatch.status);
        assertTrue(badDispatch.body, badDispatch.body.contains("field 'vehicle' is unknown; accepted fields are vehicleId"));
        Response dispatched = http("POST", "/incidents/" + incidentId + "/dispatch", OPERATOR, OPERATOR_PASSWORD, "{\"vehicleId\":\"FIRE-LHR-211\"}");
        assertEquals(dispatched.body, 200, dispatched.status);
        assertTrue(dispatched.body, dispatched.body.contains("\"vehicleId\":\"FIRE-LHR-211\""));

        Response assistance = http("POST", "/incidents/" + incidentId + "/assistance", OPERATOR, OPERATOR_PASSWORD,
                "{\"givenTo\":\"caller\",\"kind\":\"safety-instruction\",\"text\":\"Leave by the stairs, do not use the lift\"}");
        assertEquals(assistance.body, 201, assistance.status);
        Response step = http("POST", "/incidents/" + incidentId + "/steps", OPERATOR, OPERATOR_PASSWORD,
                "{\"vehicleId\":\"FIRE-LHR-211\",\"step\":\"back-in-service\"}");
        assertEquals(step.body, 200, step.status);

        String outcome = "{\"peopleRescued\":2,\"firstAidOnScene\":2,\"takenToHospital\":0,\"deathsOnScene\":0}";
        assertEquals(403, http("POST", "/incidents/" + incidentId + "/close", OPERATOR, OPERATOR_PASSWORD, outcome).status);
        assertEquals(403, http("POST", "/calls/" + callId + "/reclassify", OPERATOR, OPERATOR_PASSWORD, "{\"disposition\":\"fake\"}").status);
        Response closed = http("POST", "/incidents/" + incidentId + "/close", SUPERVISOR, SUPERVISOR_PASSWORD, outcome);
        assertEquals(closed.body, 200, closed.status);
        assertTrue(closed.body, closed.body.contains("\"closedBy\":\"" + SUPERVISOR + "\""));

        Response shown = http("GET", "/incidents/" + incidentId, OPERATOR, OPERATOR_PASSWORD, null);
        assertTrue(shown.body, shown.body.contains("Leave by the stairs"));
        assertTrue(shown.body, shown.body.contains("\"outcome\":{\"peopleRescued\":2"));
        Response kpi = http("GET", "/kpi?from=2026-01-01&to=2100-01-01", OPERATOR, OPERATOR_PASSWORD, null);
        assertEquals(kpi.body, 200, kpi.status);
        assertTrue(kpi.body, kpi.body.contains("\"fire\":"));

        waitFor("the outbox to drain to HQ", () -> uplink.status().backlog() == 0);
        assertEquals(1, hqRecords("incident-assistance", incidentId));
        assertEquals(1, hqRecords("incident-outcome", incidentId));
    }

    @Test
    public void dispatchReachesVehicleRadio() throws Exception {
        waitFor("the demo radio gateway online", () -> executeCommand("rescue:gateway-list").contains("ONLINE"));
        waitFor("radio RADIO-LHR-102 on vehicle AMB-LHR-102", () -> devices.find("RADIO-LHR-102")
                .map(device -> "AMB-LHR-102".equals(device.vehicleId())).orElse(false));
        String incidentId = frontOffice.receiveCall(new NewCall(null, null, null, Location.of(31.4700, 74.2700), null,
                IncidentType.MEDICAL_EMERGENCY, 1, "radio test", org.rescuegrid.frontoffice.Disposition.EMERGENCY, null, true, "it")).incidentId();

        Response dispatched = http("POST", "/incidents/" + incidentId + "/dispatch", OPERATOR, OPERATOR_PASSWORD, "{\"vehicleId\":\"AMB-LHR-102\"}");
        assertEquals(dispatched.body, 200, dispatched.status);

        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        waitFor("the dispatch sent to RADIO-LHR-102", () -> logContains(log, "incident=" + incidentId + " vehicle=AMB-LHR-102 device=RADIO-LHR-102"
                + " dispatch sent by radio"));
        // The simulated gateway moves every radio to its next status code every few seconds.
        waitFor("a step of AMB-LHR-102 set by radio", () -> frontOffice.incident(incidentId).orElseThrow().vehicle("AMB-LHR-102").orElseThrow()
                .sources().containsValue(StepSource.RADIO));
    }

    private static boolean logContains(Path log, String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new AssertionError("node log " + log + " could not be read: " + e.getMessage(), e);
        }
    }

    private static AssertionError expectFailure(PrivilegedExceptionAction<?> action) throws Exception {
        try {
            action.run();
        } catch (AssertionError e) {
            return e;
        } catch (java.security.PrivilegedActionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                return assertion;
            }
            throw e;
        }
        throw new AssertionError("the action succeeded but should have been refused");
    }

    private static final class Response {
        final int status;
        final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private static Response http(String method, String path, String user, String password, String body) throws IOException {
        return http(method, path, user, password, body, "application/json");
    }

    private static Response http(String method, String path, String user, String password, String body, String contentType) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort() + "/api/v1" + path).openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            connection.setRequestProperty("Authorization", "Basic " + token);
        }
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", contentType);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (stream != null) {
            try (InputStream in = stream) {
                in.transferTo(content);
            }
        }
        connection.disconnect();
        return new Response(status, content.toString(StandardCharsets.UTF_8));
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError(pattern + " not found in " + text);
        }
        return matcher.group(1);
    }

    private int hqRecords(String recordType, String incidentId) {
        try (Connection connection = hqDatabase.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM hq_record WHERE record_type = ? AND payload LIKE ?")) {
            query.setString(1, recordType);
            query.setString(2, "%\"incidentId\":\"" + incidentId + "\"%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("HQ query failed: " + e.getMessage(), e);
        }
    }
}
