package org.rescuegrid.frontoffice.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.rest.ApiRequest;
import org.rescuegrid.frontoffice.rest.ApiResponse;
import org.rescuegrid.frontoffice.rest.ApiUser;
import org.rescuegrid.frontoffice.rest.RestResource;

/** Authentication, roles and status codes of the REST API, with a front office that records what it is asked. */
class RestApiTest {

    private static final Incident OPEN = new Incident("INC-000001", IncidentType.FIRE, Location.of(31.5, 74.3), 2, null, 1,
            Map.of(Step.CALL_RECEIVED, Instant.parse("2026-12-04T10:00:00Z"), Step.CREATED, Instant.parse("2026-12-04T10:00:30Z")),
            List.of(), null, null);

    private final List<String> serviceCalls = new ArrayList<>();
    private final List<AuditEntry> audited = new ArrayList<>();
    private final RestApi api = new RestApi(frontOffice(), (user, password) -> switch (user + ":" + password) {
        case "op:pw" -> Optional.of(new ApiUser("op", Set.of("operator", "viewer")));
        case "sup:pw" -> Optional.of(new ApiUser("sup", Set.of("supervisor")));
        case "viewer:pw" -> Optional.of(new ApiUser("viewer", Set.of("viewer")));
        default -> Optional.empty();
    }, audited::add);

    @Test
    void missingOrWrongCredentialsGive401() {
        ApiResponse none = api.handle(request("GET", "/incidents", null, null, null));
        ApiResponse wrong = api.handle(request("GET", "/incidents", basic("op", "nope"), null, null));

        assertEquals(401, none.status());
        assertEquals("Basic realm=\"rescuegrid\", charset=\"UTF-8\"", none.headers().get("WWW-Authenticate"));
        assertEquals(401, wrong.status());
        assertEquals(List.of(), serviceCalls);
    }

    @Test
    void rolesDecideAccess() {
        assertEquals(403, api.handle(request("GET", "/incidents", basic("viewer", "pw"), null, null)).status());
        ApiResponse operatorClose = api.handle(request("POST", "/incidents/INC-000001/close", basic("op", "pw"), "application/json", CLOSE_BODY));
        ApiResponse operatorReclassify = api.handle(request("POST", "/calls/CALL-000001/reclassify", basic("op", "pw"), "application/json",
                "{\"disposition\":\"fake\"}"));
        ApiResponse supervisorClose = api.handle(request("POST", "/incidents/INC-000001/close", basic("sup", "pw"), "application/json; charset=UTF-8",
                CLOSE_BODY));

        assertEquals(403, operatorClose.status());
        assertEquals(403, operatorReclassify.status());
        assertEquals(200, supervisorClose.status(), String.valueOf(supervisorClose.body()));

        // Only the change that was made reaches the audit trail, with who made it and from where.
        assertEquals(1, audited.size());
        AuditEntry close = audited.get(0);
        assertEquals("sup", close.actor());
        assertEquals(AuditSource.REST, close.source());
        assertEquals("127.0.0.1:50123", close.remoteAddress());
        assertEquals("incident-close", close.action());
        assertEquals(List.of("INC-000001"), close.targets());
        assertTrue(serviceCalls.contains("close INC-000001 sup IncidentOutcome[peopleRescued=2, firstAidOnScene=1, takenToHospital=1, deathsOnScene=0]"),
                serviceCalls.toString());
    }

    @Test
    void otherBundlesResourcesGetAuthenticatedRequests() {
        List<String> handled = new ArrayList<>();
        RestResource sops = new RestResource() {
            @Override
            public List<String> roots() {
                return List.of("/sops");
            }

            @Override
            public ApiResponse handle(ApiRequest request, ApiUser user) {
                handled.add(request.method() + " " + request.path() + " " + user.name());
                return ApiResponse.of(200, List.of());
            }
        };
        RestApi withResource = new RestApi(frontOffice(), (user, password) -> user.equals("op") && password.equals("pw")
                ? Optional.of(new ApiUser("op", Set.of("operator"))) : Optional.empty(), audited::add, () -> List.of(sops));

        assertEquals(401, withResource.handle(request("GET", "/sops/fire", null, null, null)).status());
        assertEquals(200, withResource.handle(request("GET", "/sops/fire/", basic("op", "pw"), null, null)).status());
        ApiResponse unknown = withResource.handle(request("GET", "/nothing", basic("op", "pw"), null, null));

        assertEquals(List.of("GET /sops/fire op"), handled);
        assertEquals(404, unknown.status());
        assertTrue(String.valueOf(unknown.body()).contains("/sops"), String.valueOf(unknown.body()));
    }

    @Test
    void statusCodes() {
        String operator = basic("op", "pw");
        assertEquals(200, api.handle(request("GET", "/incidents/INC-000001", operator, null, null)).status());
        assertEquals(404, api.handle(request("GET", "/incidents/INC-999999", operator, null, null)).status());
        assertEquals(404, api.handle(request("POST", "/calls/CALL-999999/reclassify", basic("sup", "pw"), "application/json",
                "{\"disposition\":\"fake\"}")).status());
        assertEquals(404, api.handle(request("GET", "/vehicles", operator, null, null)).status());
        assertEquals(405, api.handle(request("DELETE", "/incidents/INC-000001", operator, null, null)).status());
        assertEquals(415, api.handle(request("POST", "/incidents/INC-000001/dispatch", operator, "text/plain", "AMB-LHR-101")).status());
        assertEquals(400, api.handle(request("POST", "/incidents/INC-000001/dispatch", operator, "application/json", "{}")).status());
        assertEquals(400, api.handle(request("GET", "/incidents", operator, null, "type=flood")).status());
        assertEquals(200, api.handle(request("POST", "/incidents/INC-000001/dispatch", operator, "application/json",
                "{\"vehicleId\":\"FIRE-LHR-211\"}")).status());
        assertTrue(serviceCalls.contains("dispatch INC-000001 FIRE-LHR-211 op"), serviceCalls.toString());
    }

    @Test
    void serviceRejectionsMapToStatus() {
        ApiResponse conflict = api.handle(request("POST", "/incidents/INC-000001/steps", basic("op", "pw"), "application/json",
                "{\"vehicleId\":\"BUSY\",\"step\":\"on-scene\"}"));

        assertEquals(409, conflict.status());
        assertEquals(Map.of("error", "vehicle BUSY is not dispatched to incident INC-000001; dispatch it first"), conflict.body());
    }

    @Test
    void openIncidentsFilter() {
        String operator = basic("op", "pw");
        List<?> fires = (List<?>) api.handle(request("GET", "/incidents", operator, null, "type=fire")).body();
        List<?> drownings = (List<?>) api.handle(request("GET", "/incidents", operator, null, "type=drowning")).body();
        List<?> alerted = (List<?>) api.handle(request("GET", "/incidents", operator, null, "alert=true")).body();

        assertEquals(1, fires.size());
        assertEquals(0, drownings.size());
        assertEquals(0, alerted.size());
    }

    private static final String CLOSE_BODY = "{\"peopleRescued\":2,\"firstAidOnScene\":1,\"takenToHospital\":1,\"deathsOnScene\":0}";

    private static ApiRequest request(String method, String path, String authorization, String contentType, String bodyOrQuery) {
        boolean hasBody = contentType != null;
        return new ApiRequest(method, path, hasBody ? null : bodyOrQuery, authorization, contentType, hasBody ? bodyOrQuery : null,
                "127.0.0.1:50123");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a front office with incident INC-000001 and call CALL-000001 that records each change requested. */
    private FrontOfficeService frontOffice() {
        return (FrontOfficeService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {FrontOfficeService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "incident" -> OPEN.incidentId().equals(args[0]) ? Optional.of(OPEN) : Optional.empty();
                    case "call" -> "CALL-000001".equals(args[0]) ? Optional.of("call") : Optional.empty();
                    case "openIncidents" -> List.of(OPEN);
                    case "calls", "assistance" -> List.of();
                    case "outcome" -> Optional.empty();
                    case "dispatch" -> {
                        serviceCalls.add("dispatch " + args[0] + " " + args[1] + " " + args[2]);
                        yield OPEN;
                    }
                    case "close" -> {
                        serviceCalls.add("close " + args[0] + " " + args[2] + " " + args[1]);
                        yield OPEN;
                    }
                    case "recordStep" -> throw new IllegalStateException("vehicle " + args[1] + " is not dispatched to incident " + args[0]
                            + "; dispatch it first");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
