package org.rescuegrid.backoffice.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.backoffice.internal.Actor;
import org.rescuegrid.backoffice.internal.AuditQuery;
import org.rescuegrid.backoffice.internal.AuditTrail;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.DriverAttribution;
import org.rescuegrid.backoffice.internal.Readiness;
import org.rescuegrid.backoffice.internal.Roster;
import org.rescuegrid.backoffice.internal.Scores;
import org.rescuegrid.backoffice.internal.Sop;
import org.rescuegrid.backoffice.internal.SopLibrary;
import org.rescuegrid.backoffice.internal.StepResult;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.rest.ApiException;
import org.rescuegrid.frontoffice.rest.ApiRequest;
import org.rescuegrid.frontoffice.rest.ApiResponse;
import org.rescuegrid.frontoffice.rest.ApiUser;
import org.rescuegrid.frontoffice.rest.QueryParameters;
import org.rescuegrid.frontoffice.rest.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office's REST API below {@value RestResource#BASE}: procedures, compliance, roster, readiness
 * and the audit trail. Reading needs the operator role (or supervisor or admin). Publishing a procedure
 * and replacing a roster file need the admin role (403 otherwise), and posting a readiness check needs
 * the operator role. Every request is audited with the user and the client address: a change by the
 * record of the change itself, a read as {@code rest-read}, and a rejected request as its action with
 * {@code -rejected} and the reason.
 */
final class BackOfficeApi {

    static final List<String> ROOTS = List.of("/sops", "/compliance", "/roster", "/readiness", "/audit");

    private static final Pattern SOPS = Pattern.compile("/sops");
    private static final Pattern SOP = Pattern.compile("/sops/([^/]+)");
    private static final Pattern COMPLIANCE = Pattern.compile("/compliance");
    private static final Pattern ROSTER = Pattern.compile("/roster");
    private static final Pattern ROSTER_PART = Pattern.compile("/roster/(staff|shifts|rota)");
    private static final Pattern READINESS = Pattern.compile("/readiness");
    private static final Pattern READINESS_VEHICLE = Pattern.compile("/readiness/([^/]+)");
    private static final Pattern AUDIT = Pattern.compile("/audit");
    private static final Pattern AUDIT_VERIFY = Pattern.compile("/audit/verify");
    private static final String READ = "rest-read";
    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeApi.class);

    private final BackOffice backOffice;
    private final AuditTrail audit;

    BackOfficeApi(BackOffice backOffice, AuditTrail audit) {
        this.backOffice = backOffice;
        this.audit = audit;
    }

    /** One request in progress: the action it attempts, and whether a change already recorded it in the audit trail. */
    private static final class Call {
        final ApiRequest request;
        final ApiUser user;
        final Actor actor;
        String action = READ;
        boolean audited;

        Call(ApiRequest request, ApiUser user) {
            this.request = request;
            this.user = user;
            this.actor = new Actor(user.name(), AuditSource.REST, request.remoteAddress());
        }
    }

    ApiResponse handle(ApiRequest request, ApiUser user) {
        Call call = new Call(request, user);
        ApiResponse response;
        String problem = null;
        try {
            response = route(call);
        } catch (ApiException e) {
            response = ApiResponse.error(e.status(), e.getMessage());
            problem = e.getMessage();
        } catch (SopLibrary.VersionConflictException e) {
            response = ApiResponse.error(409, e.getMessage());
            problem = e.getMessage();
        } catch (IllegalStateException e) {
            // The back office's own failure, such as the database: the client gets 500, the node's log the details.
            LOG.error("REST {} {} failed: {}", request.method(), request.path(), e.getMessage(), e);
            response = ApiResponse.error(500, "the back office failed to handle the request; see the node's log");
            problem = e.getMessage();
        } catch (IllegalArgumentException e) {
            response = ApiResponse.error(400, e.getMessage());
            problem = e.getMessage();
        }
        if (!call.audited) {
            String where = RestResource.BASE + request.path() + (request.query() == null || request.query().isEmpty() ? "" : "?" + request.query());
            String action = problem == null ? call.action : call.action + "-rejected";
            audit.record(call.actor.entry(action, List.of(RestResource.BASE + request.path()), null,
                    request.method() + " " + where + " -> " + response.status() + (problem == null ? "" : ": " + problem)));
        }
        return response;
    }

    private ApiResponse route(Call call) {
        String path = call.request.path();
        Optional<ApiResponse> response = procedures(call, path)
                .or(() -> compliance(call, path))
                .or(() -> roster(call, path))
                .or(() -> readiness(call, path))
                .or(() -> audit(call, path));
        return response.orElseThrow(() -> ApiException.notFound("no resource at " + RestResource.BASE + path + "; the back office has /sops,"
                + " /sops/{type}, /compliance, /roster, /roster/{staff|shifts|rota}, /readiness, /readiness/{vehicle}, /audit and /audit/verify"));
    }

    private Optional<ApiResponse> procedures(Call call, String path) {
        Matcher matcher;
        if (SOPS.matcher(path).matches()) {
            allow(call, "GET", "POST");
            if (call.request.method().equals("POST")) {
                call.action = "sop-publish";
                requireAdmin(call.user, "publish procedures");
                return Optional.of(publish(call));
            }
            requireOperator(call.user);
            QueryParameters.parse(call.request.query(), List.of());
            return Optional.of(ApiResponse.of(200, sopList()));
        }
        if ((matcher = SOP.matcher(path)).matches()) {
            allow(call, "GET");
            requireOperator(call.user);
            QueryParameters query = QueryParameters.parse(call.request.query(), List.of("version"));
            return Optional.of(ApiResponse.of(200, sop(matcher.group(1), query.get("version"))));
        }
        return Optional.empty();
    }

    private Optional<ApiResponse> compliance(Call call, String path) {
        if (!COMPLIANCE.matcher(path).matches()) {
            return Optional.empty();
        }
        allow(call, "GET");
        requireOperator(call.user);
        return Optional.of(ApiResponse.of(200, compliance(QueryParameters.parse(call.request.query(),
                List.of("incident", "person", "station", "district", "shift", "by", "from", "to")))));
    }

    private Optional<ApiResponse> roster(Call call, String path) {
        Matcher matcher;
        if (ROSTER.matcher(path).matches()) {
            allow(call, "GET");
            requireOperator(call.user);
            QueryParameters query = QueryParameters.parse(call.request.query(), List.of("at"));
            return Optional.of(ApiResponse.of(200, roster(query.get("at") == null ? Instant.now() : Params.time("at", query.get("at")))));
        }
        if ((matcher = ROSTER_PART.matcher(path)).matches()) {
            allow(call, "GET", "PUT");
            if (call.request.method().equals("PUT")) {
                call.action = "roster-replace";
                requireAdmin(call.user, "change the roster");
                return Optional.of(replaceRoster(call, matcher.group(1)));
            }
            requireOperator(call.user);
            QueryParameters.parse(call.request.query(), List.of());
            return Optional.of(ApiResponse.of(200, rosterPart(matcher.group(1))));
        }
        return Optional.empty();
    }

    private Optional<ApiResponse> readiness(Call call, String path) {
        Matcher matcher;
        if (READINESS.matcher(path).matches()) {
            allow(call, "GET");
            requireOperator(call.user);
            QueryParameters.parse(call.request.query(), List.of());
            return Optional.of(ApiResponse.of(200, readiness()));
        }
        if ((matcher = READINESS_VEHICLE.matcher(path)).matches()) {
            allow(call, "GET", "POST");
            requireOperator(call.user);
            if (call.request.method().equals("POST")) {
                call.action = "readiness-check";
                return Optional.of(readinessCheck(call, matcher.group(1)));
            }
            QueryParameters.parse(call.request.query(), List.of());
            String vehicleId = fleetVehicle(matcher.group(1));
            Readiness.Check check = backOffice.readiness().latest(vehicleId).orElseThrow(() -> ApiException.notFound(
                    "vehicle '" + vehicleId + "' has no readiness check yet; POST one to " + RestResource.BASE + "/readiness/" + vehicleId));
            return Optional.of(ApiResponse.of(200, Views.check(check)));
        }
        return Optional.empty();
    }

    private Optional<ApiResponse> audit(Call call, String path) {
        if (AUDIT.matcher(path).matches()) {
            allow(call, "GET");
            requireOperator(call.user);
            return Optional.of(ApiResponse.of(200, auditRecords(QueryParameters.parse(call.request.query(),
                    List.of("from", "to", "actor", "action", "source", "target", "limit")))));
        }
        if (AUDIT_VERIFY.matcher(path).matches()) {
            allow(call, "GET");
            requireOperator(call.user);
            QueryParameters.parse(call.request.query(), List.of());
            return Optional.of(ApiResponse.of(200, Views.verification(audit.verify())));
        }
        return Optional.empty();
    }

    private List<Map<String, Object>> sopList() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (SopLibrary.StoredSop stored : backOffice.procedures().versions()) {
            result.add(Views.sopSummary(stored));
        }
        return result;
    }

    private Map<String, Object> sop(String typeText, String versionText) {
        IncidentType type = Params.parse("incident type", typeText, IncidentType::parse);
        Integer version = versionText == null ? null : Params.positive("version", versionText);
        SopLibrary.StoredSop stored = backOffice.procedures().versions().stream()
                .filter(s -> s.sop().incidentType() == type && (version == null || s.sop().version() == version))
                .max(Comparator.comparingInt(s -> s.sop().version()))
                .orElseThrow(() -> ApiException.notFound("no procedure " + type.label() + (version == null ? "" : " version " + version)
                        + " is loaded; GET " + RestResource.BASE + "/sops lists the loaded versions"));
        return Views.sop(stored);
    }

    private ApiResponse publish(Call call) {
        String text = Params.body(call.request, "application/json");
        Optional<Sop> published = backOffice.procedures().publishAndSave(text, call.actor);
        // A version already stored with the same text changes nothing; the call is still audited, under its own action.
        call.audited = published.isPresent();
        if (published.isEmpty()) {
            call.action = "sop-publish-unchanged";
        }
        String fileName = Sop.fileNameOf(text);
        SopLibrary.StoredSop stored = backOffice.procedures().versions().stream()
                .filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("procedure " + fileName + " was published but is not stored"));
        Map<String, Object> view = Views.sop(stored);
        view.put("published", published.isPresent());
        return ApiResponse.of(published.isPresent() ? 201 : 200, view);
    }

    private Map<String, Object> compliance(QueryParameters query) {
        String incidentId = query.get("incident");
        if (incidentId == null && query.given("incident")) {
            throw ApiException.badRequest("query parameter 'incident' is empty; give an incident id such as INC-000001, or leave the parameter"
                    + " out for scores");
        }
        if (incidentId != null) {
            return incidentCompliance(query, incidentId);
        }
        String by = query.get("by") == null ? "staff" : query.get("by");
        Function<StepResult, String> key = groupKey(by);
        Instant from = Params.time("from", query.get("from"));
        Instant to = Params.time("to", query.get("to"));
        List<StepResult> results = backOffice.compliance().results(null, from, to).stream()
                .filter(r -> matches(query.get("person"), r.staffId()) && matches(query.get("station"), r.station())
                        && matches(query.get("district"), r.district()) && matches(query.get("shift"), r.shift()))
                .toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by", by);
        view.put("from", from == null ? null : from.toString());
        view.put("to", to == null ? null : to.toString());
        view.put("scores", scoreViews(Scores.by(results, key)));
        view.put("worstSteps", scoreViews(Scores.worstSteps(results)));
        view.put("driverEvents", driverEventTallies(query, by, from, to));
        return view;
    }

    /** Evaluates one incident while it is open and returns the view of its step results. */
    private Map<String, Object> incidentCompliance(QueryParameters query, String incidentId) {
        for (String other : List.of("person", "station", "district", "shift", "by", "from", "to")) {
            if (query.get(other) != null) {
                throw ApiException.badRequest("query parameter '" + other + "' cannot be combined with 'incident'; give either one incident"
                        + " or filters for scores");
            }
        }
        // An open incident is evaluated now, as the console does; a closed one keeps its final results.
        backOffice.frontOffice().incident(incidentId).filter(Incident::open).ifPresent(backOffice.compliance()::evaluate);
        List<StepResult> results = backOffice.compliance().results(incidentId, null, null);
        if (results.isEmpty()) {
            throw ApiException.notFound("incident '" + incidentId + "' has no compliance results: it does not exist or no procedure of its"
                    + " type was in effect when it was created (GET " + RestResource.BASE + "/sops)");
        }
        return Views.incidentCompliance(incidentId, results);
    }

    private static Function<StepResult, String> groupKey(String by) {
        return switch (by) {
            case "staff" -> StepResult::staffId;
            case "station" -> StepResult::station;
            case "district" -> StepResult::district;
            case "shift" -> StepResult::shift;
            default -> throw ApiException.badRequest("query parameter 'by' value '" + by + "' is invalid; use staff, station, district or shift");
        };
    }

    private static List<Map<String, Object>> scoreViews(List<Scores.Score> scores) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Scores.Score score : scores) {
            views.add(Views.score(score));
        }
        return views;
    }

    /** Tallies the driver-behaviour events of the period that pass the query's filters, grouped {@code by}. */
    private List<Map<String, Object>> driverEventTallies(QueryParameters query, String by, Instant from, Instant to) {
        // Driver-behaviour events count for the crew member rostered on the vehicle at the time.
        List<DriverAttribution.AttributedEvent> events = backOffice.driverEvents(from == null ? Instant.EPOCH : from, to == null ? Instant.now() : to)
                .stream()
                .filter(e -> matches(query.get("person"), e.staffId()) && matches(query.get("station"), e.station())
                        && matches(query.get("district"), e.district()) && matches(query.get("shift"), e.shift()))
                .toList();
        List<Map<String, Object>> tallies = new ArrayList<>();
        for (DriverAttribution.Tally tally : DriverAttribution.tally(events, DriverAttribution.key(by))) {
            tallies.add(Views.tally(tally));
        }
        return tallies;
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    private Map<String, Object> roster(Instant at) {
        Roster roster = backOffice.roster().get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", at.toString());
        view.put("shift", roster.shiftAt(at).map(Roster.Shift::name).orElse(null));
        List<Map<String, Object>> duties = new ArrayList<>();
        for (Roster.OnDuty duty : roster.onDuty(at)) {
            duties.add(Views.duty(duty));
        }
        view.put("onDuty", duties);
        view.put("problem", backOffice.roster().problem());
        return view;
    }

    private Object rosterPart(String part) {
        Roster roster = backOffice.roster().get();
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (part) {
            case "staff" -> roster.staff().forEach(s -> rows.add(Views.staff(s)));
            case "shifts" -> roster.shifts().forEach(s -> rows.add(Views.shift(s)));
            default -> roster.rota().forEach(d -> rows.add(Views.rota(d)));
        }
        return rows;
    }

    private ApiResponse replaceRoster(Call call, String part) {
        String text = Params.body(call.request, "text/csv");
        Roster roster = backOffice.roster().replace(part, text, call.actor);
        call.audited = true;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("part", part);
        view.put("staff", roster.staff().size());
        view.put("shifts", roster.shifts().size());
        view.put("rota", roster.rota().size());
        return ApiResponse.of(200, view);
    }

    private Map<String, Object> readiness() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("items", backOffice.readiness().items());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Readiness.Check check : backOffice.readiness().latest()) {
            checks.add(Views.check(check));
        }
        view.put("latest", checks);
        return view;
    }

    private ApiResponse readinessCheck(Call call, String vehicle) {
        String vehicleId = fleetVehicle(vehicle);
        ReadinessBody body = ReadinessBody.parse(Params.body(call.request, "application/json"));
        if (body.staffId() != null && backOffice.roster().get().staff(body.staffId()).isEmpty()) {
            throw ApiException.badRequest("field 'staff' value '" + body.staffId() + "' is not in the roster; GET " + RestResource.BASE
                    + "/roster/staff lists the staff");
        }
        Readiness.Check check = backOffice.readiness().record(vehicleId, null, body.staffId(), body.failed(), body.note(), call.actor);
        call.audited = true;
        return ApiResponse.of(201, Views.check(check));
    }

    private String fleetVehicle(String vehicleId) {
        if (backOffice.frontOffice().vehicles().stream().noneMatch(v -> v.vehicleId().equals(vehicleId))) {
            throw ApiException.notFound("vehicle '" + vehicleId + "' is not in the fleet");
        }
        return vehicleId;
    }

    private List<Map<String, Object>> auditRecords(QueryParameters query) {
        int limit = query.get("limit") == null ? 50 : Params.positive("limit", query.get("limit"));
        if (limit > 1000) {
            throw ApiException.badRequest("query parameter 'limit' value '" + limit + "' is invalid; give a whole number from 1 to 1000");
        }
        AuditSource source = query.get("source") == null ? null : Params.parse("source", query.get("source"),
                text -> AuditSource.valueOf(text.toUpperCase(Locale.ROOT)), "console, rest, config or automatic");
        AuditQuery auditQuery = new AuditQuery(Params.time("from", query.get("from")), Params.time("to", query.get("to")), query.get("actor"),
                query.get("action"), source, query.get("target"), limit);
        return audit.find(auditQuery).stream().map(Views::auditRecord).toList();
    }

    private static void allow(Call call, String... methods) {
        for (String method : methods) {
            if (method.equals(call.request.method())) {
                return;
            }
        }
        throw new ApiException(405, "method " + call.request.method() + " is not allowed here; use " + String.join(" or ", methods));
    }

    private static void requireOperator(ApiUser user) {
        if (!user.isOperator()) {
            throw ApiException.forbidden("user " + user.name() + " has none of the roles operator, supervisor or admin");
        }
    }

    private static void requireAdmin(ApiUser user, String action) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("only admins " + action + "; user " + user.name() + " does not have the role " + ApiUser.ADMIN);
        }
    }
}
