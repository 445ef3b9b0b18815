package org.rescuegrid.backoffice.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.backoffice.internal.AuditQuery;
import org.rescuegrid.backoffice.internal.AuditRecord;
import org.rescuegrid.backoffice.internal.TestBackOffice;
import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.VehicleType;
import org.rescuegrid.frontoffice.rest.ApiRequest;
import org.rescuegrid.frontoffice.rest.ApiResponse;
import org.rescuegrid.frontoffice.rest.ApiUser;

/** Roles, parameter errors and audit records of the back office's REST API, on an in-memory node. */
class BackOfficeApiTest {

    private static final Instant START = Instant.parse("2026-12-04T05:00:00Z");
    private static final ApiUser OPERATOR = new ApiUser("op", Set.of("operator"));
    private static final ApiUser SUPERVISOR = new ApiUser("sup", Set.of("supervisor", "operator"));
    private static final ApiUser ADMIN = new ApiUser("adm", Set.of("admin"));
    private static final String FIRE_V2 = "{\"incidentType\":\"fire\",\"version\":2,\"title\":\"Fire, faster dispatch\",\"steps\":["
            + "{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"},"
            + "{\"id\":\"dispatch\",\"role\":\"dispatcher\",\"fact\":\"lifecycle:dispatched\",\"after\":\"call\",\"withinSeconds\":45}]}";

    @TempDir
    Path directory;

    private TestBackOffice backOffice;
    private BackOfficeApi api;

    @BeforeEach
    void start() throws SQLException, IOException {
        backOffice = new TestBackOffice(directory, START);
        api = new BackOfficeApi(backOffice, backOffice.audit);
    }

    @Test
    void supervisorCannotPublishProcedure() {
        ApiResponse response = api.handle(request("POST", "/sops", null, "application/json", FIRE_V2), SUPERVISOR);

        assertEquals(403, response.status());
        assertEquals(Map.of("error", "only admins publish procedures; user sup does not have the role admin"), response.body());
        assertFalse(Files.exists(backOffice.sopDirectory.resolve("fire-v2.json")));
        AuditRecord refused = last("sop-publish-rejected");
        assertEquals("sup", refused.actor());
        assertEquals(AuditSource.REST, refused.source());
        assertEquals("10.0.0.7:50123", refused.remoteAddress());
        assertEquals(List.of("/api/v1/sops"), refused.targets());
        assertTrue(refused.after().startsWith("POST /api/v1/sops -> 403: only admins"), refused.after());
    }

    @Test
    void adminPublishesProcedure() throws IOException {
        ApiResponse published = api.handle(request("POST", "/sops", null, "application/json; charset=UTF-8", FIRE_V2), ADMIN);
        ApiResponse again = api.handle(request("POST", "/sops", null, "application/json", FIRE_V2), ADMIN);
        ApiResponse changed = api.handle(request("POST", "/sops", null, "application/json", FIRE_V2.replace("45", "50")), ADMIN);

        assertEquals(201, published.status(), String.valueOf(published.body()));
        assertEquals(2, body(published).get("version"));
        assertEquals(FIRE_V2, Files.readString(backOffice.sopDirectory.resolve("fire-v2.json")));
        AuditRecord record = last("sop-publish");
        assertEquals("adm", record.actor());
        assertEquals(AuditSource.REST, record.source());
        assertEquals("10.0.0.7:50123", record.remoteAddress());
        assertEquals(List.of("fire", "v2"), record.targets());
        assertTrue(record.after().contains("sha256 "), record.after());
        assertEquals(200, again.status());
        assertEquals(false, body(again).get("published"));
        assertEquals(409, changed.status());
        assertTrue(String.valueOf(changed.body()).contains("publish the change as version 3"), String.valueOf(changed.body()));
        // A later scan of the directory finds the written file already stored and records nothing more.
        backOffice.procedures().scan();
        assertEquals(1, backOffice.audit.find(query("sop-publish")).stream().filter(r -> r.targets().contains("v2")).count());
    }

    @Test
    void badParametersNameValueAndForm() {
        assertError(400, "query parameter 'from' value 'yesterday' is invalid; use a UTC date such as 2026-12-04 or a time such as"
                + " 2026-12-04T10:00:00Z", request("GET", "/compliance", "from=yesterday", null, null));
        assertError(400, "query parameter 'by' value 'vehicle' is invalid; use staff, station, district or shift",
                request("GET", "/compliance", "by=vehicle", null, null));
        assertError(400, "query parameter 'vehicle' is unknown; accepted parameters are incident, person, station, district, shift, by, from, to",
                request("GET", "/compliance", "vehicle=AMB-LHR-101", null, null));
        assertError(400, "query parameter 'at' value 'yesterday' is invalid; use a UTC date such as 2026-12-04 or a time such as"
                + " 2026-12-04T10:00:00Z", request("GET", "/roster", "at=yesterday", null, null));
        assertError(400, "query parameter 'limit' value 'all' is invalid; give a whole number from 1", request("GET", "/audit", "limit=all", null, null));
        assertError(400, "query parameter 'source' value 'ssh' is invalid; use console, rest, config or automatic",
                request("GET", "/audit", "source=ssh", null, null));
        assertError(400, "query parameter 'person' cannot be combined with 'incident'; give either one incident or filters for scores",
                request("GET", "/compliance", "incident=INC-000001&person=S-201", null, null));
        assertError(404, "no procedure fire version 7 is loaded; GET /api/v1/sops lists the loaded versions", request("GET", "/sops/fire", "version=7",
                null, null));
        assertEquals(400, api.handle(request("GET", "/sops/plane-crash", null, null, null), OPERATOR).status());
        assertEquals(405, api.handle(request("DELETE", "/sops", null, null, null), ADMIN).status());
        assertEquals(415, api.handle(request("POST", "/sops", null, "text/plain", FIRE_V2), ADMIN).status());
    }

    @Test
    void everyReadIsAudited() {
        ApiResponse sops = api.handle(request("GET", "/sops", null, null, null), OPERATOR);
        ApiResponse roster = api.handle(request("GET", "/roster", "at=2026-12-04T06:00:00Z", null, null), OPERATOR);
        ApiResponse verify = api.handle(request("GET", "/audit/verify", null, null, null), OPERATOR);

        assertEquals(3, ((List<?>) sops.body()).size());
        assertEquals("morning", body(roster).get("shift"));
        assertEquals(true, body(verify).get("intact"));
        List<AuditRecord> reads = backOffice.audit.find(query("rest-read"));
        assertEquals(List.of("GET /api/v1/sops -> 200", "GET /api/v1/roster?at=2026-12-04T06:00:00Z -> 200", "GET /api/v1/audit/verify -> 200"),
                reads.stream().map(AuditRecord::after).toList());
        assertEquals(Set.of("op"), Set.copyOf(reads.stream().map(AuditRecord::actor).toList()));
    }

    @Test
    void onlyAdminReplacesRosterFile() throws IOException {
        String staff = Files.readString(backOffice.staffFile) + "S-999,Zainab Ali,crew,Lahore Station 1,Lahore,\n";

        ApiResponse refused = api.handle(request("PUT", "/roster/staff", null, "text/csv", staff), SUPERVISOR);
        ApiResponse invalid = api.handle(request("PUT", "/roster/staff", null, "text/csv", "S-1,Someone,driver,X,Lahore,\n"), ADMIN);
        ApiResponse replaced = api.handle(request("PUT", "/roster/staff", null, "text/csv", staff), ADMIN);

        assertEquals(403, refused.status());
        assertEquals("roster-replace-rejected", backOffice.audit.find(query("roster-replace-rejected")).get(0).action());
        assertEquals(400, invalid.status());
        assertEquals(Map.of("error", "file staff.csv line 1: role 'driver' is unknown; use one of call-taker, dispatcher, crew, hospital-liaison"),
                invalid.body());
        assertEquals(200, replaced.status(), String.valueOf(replaced.body()));
        assertTrue(backOffice.roster().get().staff("S-999").isPresent());
        assertEquals(staff, Files.readString(backOffice.staffFile));
        AuditRecord change = last("roster-replace");
        assertEquals("adm", change.actor());
        assertEquals("10.0.0.7:50123", change.remoteAddress());
        assertTrue(change.after().contains("staff.csv sha256 "), change.after());
        assertNull(backOffice.roster().problem());
    }

    @Test
    void readinessCheckPosted() {
        ApiResponse failed = api.handle(request("POST", "/readiness/AMB-LHR-101", null, "application/json",
                "{\"failed\":[\"oxygen\"],\"staff\":\"S-201\",\"note\":\"cylinder empty\"}"), OPERATOR);
        ApiResponse unknownItem = api.handle(request("POST", "/readiness/AMB-LHR-101", null, "application/json", "{\"failed\":[\"radio\"]}"), OPERATOR);
        ApiResponse unknownVehicle = api.handle(request("POST", "/readiness/AMB-XXX-1", null, "application/json", "{}"), OPERATOR);

        assertEquals(201, failed.status(), String.valueOf(failed.body()));
        assertEquals(false, body(failed).get("passed"));
        assertTrue(backOffice.readiness().outOfService("AMB-LHR-101").isPresent());
        assertEquals(400, unknownItem.status());
        assertEquals(Map.of("error", "checklist item 'radio' is unknown; the checklist is equipment, fuel, oxygen, stretcher"), unknownItem.body());
        assertEquals(404, unknownVehicle.status());
        assertEquals("10.0.0.7:50123", last("readiness-check").remoteAddress());
    }

    @Test
    void complianceEmptyIncidentRejected() {
        ApiResponse empty = api.handle(request("GET", "/compliance", "incident=", null, null), OPERATOR);

        assertEquals(400, empty.status());
        assertEquals(Map.of("error", "query parameter 'incident' is empty; give an incident id such as INC-000001, or leave the parameter out"
                + " for scores"), empty.body());
    }

    @Test
    void readinessEmptyItemRejected() {
        ApiResponse empty = api.handle(request("POST", "/readiness/AMB-LHR-101", null, "application/json", "{\"failed\":[\"\"]}"), OPERATOR);

        assertEquals(400, empty.status());
        assertEquals(Map.of("error", "failed checklist item '' is empty; name each failed item, one of equipment, fuel, oxygen, stretcher, or give"
                + " none when the check passed"), empty.body());
    }

    @Test
    void duplicateFieldRejected() {
        ApiResponse twice = api.handle(request("POST", "/readiness/AMB-LHR-101", null, "application/json",
                "{\"failed\":[\"oxygen\"],\"failed\":[]}"), OPERATOR);

        assertEquals(400, twice.status());
        assertEquals(Map.of("error", "field 'failed' appears more than once; send each field once"), twice.body());
    }

    @Test
    void complianceByPersonIncludesDriverEvents() {
        backOffice.driverBehaviour.events.add(new DriverEvent("E1", "AMB-LHR-101", VehicleType.AMBULANCE, null, DriverEventType.OVERSPEED,
                Instant.parse("2026-12-04T06:30:00Z"), 95.0, 60.0, null, false, "morning", LocalDate.parse("2026-12-04")));

        ApiResponse person = api.handle(request("GET", "/compliance", "person=S-201&from=2026-12-04&to=2026-12-05", null, null), OPERATOR);
        ApiResponse other = api.handle(request("GET", "/compliance", "person=S-202&from=2026-12-04&to=2026-12-05", null, null), OPERATOR);

        assertEquals(200, person.status(), String.valueOf(person.body()));
        assertEquals(List.of(Map.of("key", "S-201", "events", 1, "byType", Map.of("overspeed", 1))), body(person).get("driverEvents"));
        assertEquals(List.of(), body(other).get("driverEvents"));
    }

    private void assertError(int status, String message, ApiRequest request) {
        ApiResponse response = api.handle(request, OPERATOR);
        assertEquals(status, response.status(), request.path() + "?" + request.query());
        assertEquals(Map.of("error", message), response.body());
    }

    private AuditRecord last(String action) {
        List<AuditRecord> records = backOffice.audit.find(query(action));
        assertFalse(records.isEmpty(), "no audit record " + action);
        return records.get(records.size() - 1);
    }

    private static AuditQuery query(String action) {
        return new AuditQuery(null, null, null, action, null, null, 100);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ApiResponse response) {
        return (Map<String, Object>) response.body();
    }

    private static ApiRequest request(String method, String path, String query, String contentType, String body) {
        return new ApiRequest(method, path, query, null, contentType, body, "10.0.0.7:50123");
    }
}
