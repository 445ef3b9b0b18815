package org.rescuegrid.frontoffice.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.frontoffice.CallCheck;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;
import org.rescuegrid.frontoffice.rest.ApiException;
import org.rescuegrid.frontoffice.rest.ApiRequest;
import org.rescuegrid.frontoffice.rest.ApiResponse;
import org.rescuegrid.frontoffice.rest.ApiUser;
import org.rescuegrid.frontoffice.rest.QueryParameters;
import org.rescuegrid.frontoffice.rest.RestResource;

/**
 * The front office's REST API below {@value #BASE}: the console's operations over JSON. Every request
 * needs HTTP Basic credentials of the JAAS realm (401 without), the operator role (or supervisor or
 * admin), and the supervisor or admin role to close incidents and reclassify calls (403). Bodies are
 * JSON objects (415 for another Content-Type, 400 naming the field for a bad one), unknown ids give
 * 404, and a change the incident's state does not allow gives 409 with the reason. Paths below another
 * bundle's {@link RestResource} roots go to that resource after the login.
 */
final class RestApi {

    static final String BASE = RestResource.BASE;
    static final String REALM = "rescuegrid";

    private static final Pattern CALLS = Pattern.compile("/calls");
    private static final Pattern RECLASSIFY = Pattern.compile("/calls/([^/]+)/reclassify");
    private static final Pattern INCIDENTS = Pattern.compile("/incidents");
    private static final Pattern INCIDENT = Pattern.compile("/incidents/([^/]+)");
    private static final Pattern INCIDENT_ACTION = Pattern.compile("/incidents/([^/]+)/(dispatch|steps|close|assistance)");
    private static final Pattern KPI = Pattern.compile("/kpi");

    private final FrontOfficeService frontOffice;
    private final Authenticator authenticator;
    private final IncidentActions incidentActions;
    private final Consumer<AuditEntry> audit;
    private final Supplier<List<RestResource>> resources;

    RestApi(FrontOfficeService frontOffice, Authenticator authenticator, Consumer<AuditEntry> audit) {
        this(frontOffice, authenticator, audit, List::of);
    }

    /** @param resources other bundles' resources, asked for paths the front office does not serve itself */
    RestApi(FrontOfficeService frontOffice, Authenticator authenticator, Consumer<AuditEntry> audit, Supplier<List<RestResource>> resources) {
        this.frontOffice = frontOffice;
        this.authenticator = authenticator;
        this.audit = audit;
        this.resources = resources;
        this.incidentActions = new IncidentActions(frontOffice);
    }

    ApiResponse handle(ApiRequest request) {
        Optional<ApiUser> user = BasicCredentials.parse(request.authorization())
                .flatMap(credentials -> authenticator.authenticate(credentials.user(), credentials.password()));
        if (user.isEmpty()) {
            return new ApiResponse(401, JsonViews.error("missing or wrong credentials; send a user of the node with HTTP Basic authentication"),
                    Map.of("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\""));
        }
        try {
            return route(request, user.get());
        } catch (ApiException e) {
            return ApiResponse.of(e.status(), JsonViews.error(e.getMessage()));
        } catch (IllegalStateException e) {
            return ApiResponse.of(409, JsonViews.error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            return ApiResponse.of(400, JsonViews.error(e.getMessage()));
        }
    }

    private ApiResponse route(ApiRequest request, ApiUser user) {
        String path = request.path() == null ? "" : request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Matcher matcher;
        if (CALLS.matcher(path).matches()) {
            allow(request, "POST");
            requireOperator(user);
            return receiveCall(request, user);
        }
        if ((matcher = RECLASSIFY.matcher(path)).matches()) {
            allow(request, "POST");
            requireSupervisor(user, "reclassify calls");
            return reclassify(request, user, matcher.group(1));
        }
        if (INCIDENTS.matcher(path).matches()) {
            allow(request, "GET");
            requireOperator(user);
            return ApiResponse.of(200, openIncidents(QueryParameters.parse(request.query(), List.of("type", "vehicle", "step", "alert"))));
        }
        if ((matcher = INCIDENT.matcher(path)).matches()) {
            allow(request, "GET");
            requireOperator(user);
            QueryParameters.parse(request.query(), List.of());
            return ApiResponse.of(200, incidentActions.show(existingIncident(matcher.group(1))));
        }
        if ((matcher = INCIDENT_ACTION.matcher(path)).matches()) {
            return incidentAction(request, user, matcher.group(1), matcher.group(2));
        }
        if (KPI.matcher(path).matches()) {
            allow(request, "GET");
            requireOperator(user);
            return ApiResponse.of(200, kpi(QueryParameters.parse(request.query(), List.of("from", "to"))));
        }
        String root = root(path);
        List<String> otherRoots = new ArrayList<>();
        for (RestResource resource : resources.get()) {
            if (resource.roots().contains(root)) {
                return resource.handle(new ApiRequest(request.method(), path, request.query(), request.authorization(), request.contentType(),
                        request.body(), request.remoteAddress()), user);
            }
            otherRoots.addAll(resource.roots());
        }
        throw ApiException.notFound("no resource at " + BASE + path + "; the API has /calls, /calls/{id}/reclassify, /incidents,"
                + " /incidents/{id}, /incidents/{id}/dispatch, /incidents/{id}/steps, /incidents/{id}/close, /incidents/{id}/assistance, /kpi"
                + (otherRoots.isEmpty() ? "" : " and " + String.join(", ", otherRoots)));
    }

    /** Returns a path's first segment, such as {@code /sops} of {@code /sops/fire}. */
    private static String root(String path) {
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path : path.substring(0, slash);
    }

    private ApiResponse incidentAction(ApiRequest request, ApiUser user, String incidentId, String action) {
        switch (action) {
            case "dispatch" -> {
                allow(request, "GET", "POST");
                requireOperator(user);
                Incident incident = existingIncident(incidentId);
                if (request.method().equals("GET")) {
                    List<Map<String, Object>> ranked = new ArrayList<>();
                    for (Recommendation recommendation : frontOffice.recommend(incident.incidentId())) {
                        ranked.add(JsonViews.recommendation(recommendation));
                    }
                    return ApiResponse.of(200, ranked);
                }
                String vehicleId = RequestBodies.dispatchVehicle(jsonBody(request));
                Incident dispatched = frontOffice.dispatch(incident.incidentId(), vehicleId, user.name());
                audit(request, user, "dispatch", List.of(incident.incidentId(), vehicleId), null, "vehicle " + vehicleId + " dispatched");
                return ApiResponse.of(200, incidentActions.show(dispatched));
            }
            case "steps" -> {
                allow(request, "POST");
                requireOperator(user);
                Incident incident = existingIncident(incidentId);
                RequestBodies.StepReport report = RequestBodies.step(jsonBody(request));
                Incident updated = frontOffice.recordStep(incident.incidentId(), report.vehicleId(), report.step(), report.at(),
                        StepSource.OPERATOR, user.name());
                audit(request, user, "incident-step", List.of(incident.incidentId(), report.vehicleId()), null,
                        report.step() + " at " + report.at() + ", entered by hand");
                return ApiResponse.of(200, incidentActions.show(updated));
            }
            case "close" -> {
                allow(request, "POST");
                requireSupervisor(user, "close incidents");
                Incident incident = existingIncident(incidentId);
                Map<String, Object> closed = incidentActions.close(incident, jsonBody(request), user.name());
                audit(request, user, "incident-close", List.of(incident.incidentId()), "open", "closed with outcome " + closed.get("outcome"));
                return ApiResponse.of(200, closed);
            }
            default -> {
                allow(request, "GET", "POST");
                requireOperator(user);
                Incident incident = existingIncident(incidentId);
                if (request.method().equals("GET")) {
                    return ApiResponse.of(200, incidentActions.assistance(incident));
                }
                return ApiResponse.of(201, incidentActions.addAssistance(incident, jsonBody(request), user.name()));
            }
        }
    }

    private ApiResponse receiveCall(ApiRequest request, ApiUser user) {
        NewCall call = RequestBodies.call(jsonBody(request), user.name());
        CallCheck check = frontOffice.check(call);
        CallRecord record = frontOffice.receiveCall(call);
        Map<String, Object> view = JsonViews.call(record);
        view.put("check", JsonViews.callCheck(check));
        return ApiResponse.of(201, view);
    }

    private ApiResponse reclassify(ApiRequest request, ApiUser user, String callId) {
        if (frontOffice.call(callId).isEmpty()) {
            throw ApiException.notFound("call '" + callId + "' does not exist");
        }
        CallRecord before = frontOffice.call(callId).get();
        CallRecord record = frontOffice.reclassify(callId, RequestBodies.reclassification(jsonBody(request)), user.name());
        audit(request, user, "call-reclassify", List.of(callId), String.valueOf(before.disposition()), String.valueOf(record.disposition()));
        return ApiResponse.of(200, JsonViews.call(record));
    }

    private void audit(ApiRequest request, ApiUser user, String action, List<String> targets, String before, String after) {
        audit.accept(new AuditEntry(user.name(), AuditSource.REST, request.remoteAddress(), action, targets, before, after));
    }

    private List<Map<String, Object>> openIncidents(QueryParameters query) {
        IncidentType type = query.get("type") == null ? null : parameter("type", () -> IncidentType.parse(query.get("type")));
        Step step = query.get("step") == null ? null : parameter("step", () -> Step.parse(query.get("step")));
        String vehicle = query.get("vehicle");
        Boolean alert = null;
        if (query.get("alert") != null) {
            String value = query.get("alert").toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw ApiException.badRequest("query parameter 'alert' value '" + query.get("alert") + "' is invalid; use true or false");
            }
            alert = Boolean.valueOf(value);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Incident incident : frontOffice.openIncidents()) {
            boolean matches = (type == null || incident.type() == type)
                    && (step == null || incident.currentStep() == step)
                    && (vehicle == null || incident.vehicle(vehicle).isPresent())
                    && (alert == null || alert == (incident.alertRaisedAt() != null));
            if (matches) {
                result.add(JsonViews.incident(incident));
            }
        }
        return result;
    }

    private Object kpi(QueryParameters query) {
        Instant from = query.get("from") == null ? LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant()
                : time("from", query.get("from"));
        Instant to = query.get("to") == null ? from.plusSeconds(86_400) : time("to", query.get("to"));
        return KpiView.of(frontOffice.kpi(from, to));
    }

    private Incident existingIncident(String incidentId) {
        return frontOffice.incident(incidentId)
                .orElseThrow(() -> ApiException.notFound("incident '" + incidentId + "' does not exist; GET " + BASE + "/incidents lists the open ones"));
    }

    private static void allow(ApiRequest request, String... methods) {
        for (String method : methods) {
            if (method.equals(request.method())) {
                return;
            }
        }
        throw new ApiException(405, "method " + request.method() + " is not allowed here; use " + String.join(" or ", methods));
    }

    private static void requireOperator(ApiUser user) {
        if (!user.isOperator()) {
            throw new ApiException(403, "user " + user.name() + " has none of the roles operator, supervisor or admin");
        }
    }

    private static void requireSupervisor(ApiUser user, String action) {
        if (!user.isSupervisor()) {
            throw new ApiException(403, "only supervisors and admins " + action + "; user " + user.name() + " is neither");
        }
    }

    /** Returns the body of a request that must carry JSON. */
    private static String jsonBody(ApiRequest request) {
        String type = request.contentType() == null ? "" : request.contentType().strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.startsWith("application/json;")) {
            throw new ApiException(415, "Content-Type '" + request.contentType() + "' is not accepted; send the body as application/json");
        }
        return request.body();
    }

    private static <T> T parameter(String name, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter '" + name + "': " + e.getMessage());
        }
    }

    private static Instant time(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name + "' value '" + value + "' is invalid; use a UTC date such as 2026-12-04"
                    + " or a time such as 2026-12-04T10:00:00Z");
        }
    }

    /** Returns the labels of a map's enum keys, so JSON shows {@code road-traffic-accident} rather than the Java name. */
    static Map<String, Object> labelled(Map<? extends Enum<?>, ?> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((key, value) -> result.put(key.name().toLowerCase(Locale.ROOT).replace('_', '-'), value));
        return result;
    }
}
