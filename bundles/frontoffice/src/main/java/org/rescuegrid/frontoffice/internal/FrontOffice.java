package org.rescuegrid.frontoffice.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.CallCheck;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentOutcome;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.KpiCalendar;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;
import org.rescuegrid.frontoffice.ResponseAlert;
import org.rescuegrid.frontoffice.Shift;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;
import org.rescuegrid.frontoffice.Vehicle;
import org.rescuegrid.frontoffice.VehicleReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front office's state and rules, independent of OSGi so that tests and scenarios run it with their
 * own clock. Open incidents, the fleet's latest fixes and the GPS watches live in memory. Every change
 * is committed to the database with its outbox record before memory is updated, so a failed write
 * changes nothing. One lock serialises all calls.
 */
final class FrontOffice implements FrontOfficeService {

    private static final Logger LOG = LoggerFactory.getLogger(FrontOffice.class);

    // Steps reported with a time this far ahead of the node's clock are rejected as a clock or typing error.
    private static final Duration MAX_FUTURE = Duration.ofMinutes(1);
    // Calls are logged as they are taken, so a call time older than this is taken for a clock or typing error.
    private static final Duration MAX_CALL_AGE = Duration.ofHours(24);
    // 3 to 20 digits with an optional leading +, in groups separated by one space or dash.
    private static final Pattern CALLER_NUMBER = Pattern.compile("\\+?(?=(?:\\D*\\d){3,20}\\D*$)\\d+(?:[ -]\\d+)*");

    private static final Map<Step, Set<Step>> PREVIOUS = Map.of(
            Step.LEFT_STATION, EnumSet.of(Step.DISPATCHED),
            Step.ON_SCENE, EnumSet.of(Step.DISPATCHED, Step.LEFT_STATION),
            Step.LEFT_SCENE, EnumSet.of(Step.ON_SCENE),
            Step.AT_HOSPITAL, EnumSet.of(Step.LEFT_SCENE),
            Step.BACK_IN_SERVICE, EnumSet.of(Step.DISPATCHED, Step.LEFT_STATION, Step.LEFT_SCENE, Step.AT_HOSPITAL));

    private final FrontOfficeDatabase database;
    private final FrontOfficeSettings settings;
    private final Gazetteer gazetteer;
    private final Fleet fleet;
    private final Clock clock;

    private static final VehicleReadiness NO_READINESS = vehicleId -> Optional.empty();

    private final Map<String, Incident> open = new LinkedHashMap<>();
    // Incidents created by a running scenario player, whose response clocks follow the scenario time and not the system clock.
    private final Set<String> scenarioIncidents = new HashSet<>();
    private final Map<String, String> busyVehicles = new HashMap<>();
    private final Map<String, PositionFix> latestFixes = new HashMap<>();
    private final Map<String, VehicleTracking> tracking = new HashMap<>();
    private final FleetSpeeds speeds;
    private volatile VehicleReadiness readiness = NO_READINESS;
    private final Districts districts;
    private final KpiCalendar calendar;
    // Next shift whose KPIs go to HQ, once the report delay after its end has passed.
    private KpiCalendar.ShiftDay nextKpiShift;
    private long lastCallNumber;
    private long lastIncidentNumber;

    FrontOffice(FrontOfficeDatabase database, FrontOfficeSettings settings, Gazetteer gazetteer, Fleet fleet, Clock clock) throws SQLException {
        this.database = database;
        this.settings = settings;
        this.gazetteer = gazetteer;
        this.fleet = fleet;
        this.clock = clock;
        this.speeds = new FleetSpeeds(settings.trafficWindow(), settings.trafficHistory());
        this.districts = Districts.read(settings.districtsFile(), gazetteer, settings.defaultDistrict());
        this.calendar = new KpiCalendar(settings.timeZone(), districts.names(), settings.shifts());
        database.read(connection -> {
            lastCallNumber = FrontOfficeTables.maxNumber(connection, "fo_call");
            lastIncidentNumber = FrontOfficeTables.maxNumber(connection, "fo_incident");
            for (Incident incident : FrontOfficeTables.loadIncidents(connection, null)) {
                remember(incident);
            }
            return null;
        });
    }

    /** Sets who decides which vehicles are out of service; null puts every vehicle in service. */
    void readiness(VehicleReadiness readiness) {
        this.readiness = readiness == null ? NO_READINESS : readiness;
    }

    // ---- calls

    @Override
    public synchronized CallCheck check(NewCall call) {
        Instant receivedAt = receivedAt(call);
        Location location = location(call);
        return check(call, receivedAt, location);
    }

    private CallCheck check(NewCall call, Instant receivedAt, Location location) {
        int nuisance = 0;
        if (call.callerNumber() != null) {
            Instant since = receivedAt.minus(settings.nuisanceLookback());
            nuisance = query(() -> database.read(c -> FrontOfficeTables.nuisanceCalls(c, call.callerNumber(), since)), "nuisance calls");
        }
        List<CallCheck.DuplicateOffer> duplicates = new ArrayList<>();
        if (call.disposition() == Disposition.EMERGENCY && call.type() != null && location != null) {
            for (Incident incident : open.values()) {
                double meters = Geo.meters(location, incident.location());
                Duration age = Duration.between(incident.time(Step.CALL_RECEIVED), receivedAt);
                if (incident.type() == call.type() && meters <= settings.duplicateDistanceMeters()
                        && age.abs().compareTo(settings.duplicateWindow()) <= 0) {
                    duplicates.add(new CallCheck.DuplicateOffer(incident.incidentId(), incident.type(), meters, age));
                }
            }
            duplicates.sort(Comparator.comparingDouble(CallCheck.DuplicateOffer::distanceMeters));
        }
        return new CallCheck(nuisance, nuisance >= settings.nuisanceThreshold(), duplicates);
    }

    @Override
    public synchronized CallRecord receiveCall(NewCall call) {
        Instant now = clock.instant();
        Instant receivedAt = receivedAt(call);
        Location location = location(call);
        boolean emergency = call.disposition() == Disposition.EMERGENCY;
        if (emergency && call.type() == null) {
            throw new IllegalArgumentException("an emergency call needs an incident type; use one of road-traffic-accident, fire,"
                    + " medical-emergency, building-collapse, drowning, explosion, other");
        }
        if (emergency && location == null && call.attachTo() == null) {
            throw new IllegalArgumentException("an emergency call needs a place: coordinates or a landmark of the gazetteer");
        }
        CallCheck check = check(call, receivedAt, location);
        if (check.repeatNuisance()) {
            LOG.info("caller={} made {} nuisance or fake calls in the last {} days; call flagged", maskedNumber(call.callerNumber()),
                    check.nuisanceCalls(), settings.nuisanceLookback().toDays());
        }

        Incident joined = null;
        if (emergency && call.attachTo() != null) {
            joined = openIncident(call.attachTo());
        } else if (emergency && !check.duplicates().isEmpty() && !call.newIncident()) {
            CallCheck.DuplicateOffer offer = check.duplicates().get(0);
            throw new IllegalStateException("the call may report open incident " + offer.incidentId() + " (" + offer.type().label() + ", "
                    + Math.round(offer.distanceMeters()) + " m away, first call " + offer.age().toMinutes()
                    + " min earlier); attach the call to it or confirm a new incident");
        }

        Incident created = null;
        String incidentId = null;
        long callNumber = lastCallNumber + 1;
        long incidentNumber = lastIncidentNumber + 1;
        if (joined != null) {
            incidentId = joined.incidentId();
        } else if (emergency) {
            incidentId = String.format("INC-%06d", incidentNumber);
            Map<Step, Instant> steps = new EnumMap<>(Step.class);
            steps.put(Step.CALL_RECEIVED, receivedAt);
            steps.put(Step.CREATED, now);
            created = new Incident(incidentId, call.type(), location, call.peopleAffected(), call.note(), 1, steps, List.of(), null, null);
        }
        CallRecord record = new CallRecord(String.format("CALL-%06d", callNumber), receivedAt, now, call.callerNumber(), call.callerName(),
                location, emergency ? call.type() : null, call.peopleAffected(), call.note(), call.disposition(), incidentId,
                check.repeatNuisance(), call.operator());

        Incident newIncident = created;
        Incident joinedIncident = joined;
        // A call attached to an incident without a place of its own counts for the incident's district.
        Location place = location;
        if (place == null && joined != null) {
            place = joined.location();
        }
        String district = districts.districtOf(place);
        write(() -> database.inTransaction(connection -> {
            if (newIncident != null) {
                FrontOfficeTables.insertIncident(connection, incidentNumber, newIncident, now, district);
                FrontOfficeTables.insertStepReport(connection, newIncident.incidentId(), null, Step.CALL_RECEIVED, receivedAt,
                        StepSource.OPERATOR, call.operator(), now, true);
                FrontOfficeTables.insertStepReport(connection, newIncident.incidentId(), null, Step.CREATED, now,
                        StepSource.OPERATOR, call.operator(), now, true);
            } else if (joinedIncident != null) {
                FrontOfficeTables.incrementCalls(connection, joinedIncident.incidentId());
            }
            FrontOfficeTables.insertCall(connection, callNumber, record, district);
            return null;
        }), "call from " + maskedNumber(call.callerNumber()));

        lastCallNumber = callNumber;
        if (newIncident != null) {
            lastIncidentNumber = incidentNumber;
            remember(newIncident);
            if (clock instanceof ScenarioClock scenarioClock && scenarioClock.onPlayerThread()) {
                scenarioIncidents.add(newIncident.incidentId());
            }
            LOG.info("incident={} created: {} at {}", newIncident.incidentId(), newIncident.type().label(), describe(location));
        } else if (joinedIncident != null) {
            remember(withCalls(joinedIncident, joinedIncident.calls() + 1));
        }
        return record;
    }

    @Override
    public synchronized CallRecord reclassify(String callId, Disposition disposition, String supervisor) {
        if (disposition == Disposition.EMERGENCY) {
            throw new IllegalArgumentException("a call cannot be reclassified as an emergency; record a new emergency call instead");
        }
        CallRecord call = query(() -> database.read(c -> FrontOfficeTables.loadCall(c, callId)), "call " + callId)
                .orElseThrow(() -> new IllegalArgumentException("call '" + callId
                        + "' does not exist; give a call id such as CALL-000012, as rescue:incident-show lists them"));
        if (call.disposition() == disposition) {
            return call;
        }
        Instant now = clock.instant();
        write(() -> database.inTransaction(connection -> {
            FrontOfficeTables.reclassify(connection, call, disposition, supervisor, now);
            return null;
        }), "reclassification of call " + callId);
        LOG.info("call={} reclassified from {} to {} by {}", callId, call.disposition().label(), disposition.label(), supervisor);
        return new CallRecord(call.callId(), call.receivedAt(), call.recordedAt(), call.callerNumber(), call.callerName(), call.location(),
                call.type(), call.peopleAffected(), call.note(), disposition, call.incidentId(), call.repeatNuisance(), call.operator());
    }

    private Instant receivedAt(NewCall call) {
        Instant now = clock.instant();
        Instant receivedAt = call.receivedAt() == null ? now : call.receivedAt();
        if (receivedAt.isAfter(now.plus(MAX_FUTURE)) || receivedAt.isBefore(now.minus(MAX_CALL_AGE))) {
            throw new IllegalArgumentException("call received at " + receivedAt + " is outside the accepted window from "
                    + now.minus(MAX_CALL_AGE) + " to " + now.plus(MAX_FUTURE) + " (the node's time is " + now + ", accepted: up to "
                    + MAX_CALL_AGE.toHours() + " h earlier, " + MAX_FUTURE.toSeconds() + " s later); send the time the call was answered, in UTC");
        }
        checkCallerNumber(call.callerNumber());
        return receivedAt;
    }

    private static void checkCallerNumber(String number) {
        if (number != null && !CALLER_NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("caller number '" + number + "' is invalid; write a phone number of 3 to 20 digits, optionally"
                    + " starting with + and grouped by spaces or dashes, such as 03001234567 or +92 300 123-4567");
        }
    }

    private Location location(NewCall call) {
        if (call.location() != null) {
            return call.location();
        }
        if (call.landmark() == null || call.landmark().isBlank()) {
            return null;
        }
        return gazetteer.find(call.landmark()).map(Gazetteer.Place::location)
                .orElseThrow(() -> new IllegalArgumentException("landmark '" + call.landmark()
                        + "' is not in the gazetteer; give coordinates or one of its names (the console completes them)"));
    }

    // ---- incidents

    @Override
    public synchronized Optional<Incident> incident(String incidentId) {
        Incident incident = open.get(incidentId);
        if (incident != null) {
            return Optional.of(incident);
        }
        List<Incident> found = query(() -> database.read(c -> FrontOfficeTables.loadIncidents(c, incidentId)), "incident " + incidentId);
        return found.stream().findFirst();
    }

    @Override
    public synchronized List<Incident> openIncidents() {
        List<Incident> result = new ArrayList<>(open.values());
        result.sort(Comparator.comparing((Incident i) -> i.time(Step.CALL_RECEIVED)).thenComparing(Incident::incidentId));
        return result;
    }

    @Override
    public synchronized Optional<CallRecord> call(String callId) {
        return query(() -> database.read(c -> FrontOfficeTables.loadCall(c, callId)), "call " + callId);
    }

    @Override
    public synchronized List<CallRecord> calls(String incidentId) {
        return query(() -> database.read(c -> FrontOfficeTables.loadCalls(c, incidentId, null, null)), "calls of " + incidentId);
    }

    @Override
    public synchronized List<Recommendation> recommend(String incidentId) {
        Incident incident = openIncident(incidentId);
        Instant now = clock.instant();
        double speed = speedNear(incident.location(), now);
        List<Recommendation> result = new ArrayList<>();
        for (Fleet.Member member : fleet.all()) {
            if (incident.type().vehicleTypes().contains(member.type()) && !busyVehicles.containsKey(member.vehicleId())
                    && readiness.outOfService(member.vehicleId()).isEmpty()) {
                Recommendation estimate = estimate(member, incident.location(), speed, now);
                if (estimate.roadDistanceKm() / settings.roadFactor() * 1000 <= settings.recommendationRadiusMeters()) {
                    result.add(estimate);
                }
            }
        }
        result.sort(Comparator.comparing(Recommendation::eta).thenComparing(Recommendation::vehicleId));
        return result;
    }

    private double speedNear(Location place, Instant now) {
        double recent = speeds.meanKmh(place, now);
        if (Double.isNaN(recent)) {
            recent = speeds.typicalKmh(place, now);
        }
        return Math.max(settings.minSpeedKmh(), Double.isNaN(recent) ? settings.defaultSpeedKmh() : recent);
    }

    private Recommendation estimate(Fleet.Member member, Location scene, double speedKmh, Instant now) {
        PositionFix fix = latestFixes.get(member.vehicleId());
        boolean fromGps = fix != null && !fix.fixTime().isBefore(now.minus(settings.maxPositionAge()));
        double meters = fromGps ? Geo.meters(scene, fix.latitude(), fix.longitude()) : Geo.meters(scene, member.stationLocation());
        double roadKm = meters / 1000 * settings.roadFactor();
        Duration eta = Duration.ofSeconds(Math.round(roadKm / speedKmh * 3600));
        return new Recommendation(member.vehicleId(), member.type(), member.station(), fromGps, fromGps ? fix.fixTime() : null, roadKm,
                speedKmh, eta);
    }

    @Override
    public synchronized Incident dispatch(String incidentId, String vehicleId, String operator) {
        Incident incident = openIncident(incidentId);
        Fleet.Member member = fleet.find(vehicleId).orElseThrow(() -> new IllegalArgumentException(
                "vehicle '" + vehicleId + "' is not in the fleet; rescue:incident-show lists the recommended vehicles"));
        String busyWith = busyVehicles.get(member.vehicleId());
        if (busyWith != null) {
            throw new IllegalStateException("vehicle " + member.vehicleId() + " is not available: it is committed to incident " + busyWith);
        }
        Optional<String> outOfService = readiness.outOfService(member.vehicleId());
        if (outOfService.isPresent()) {
            throw new IllegalStateException("vehicle " + member.vehicleId() + " is out of service: it " + outOfService.get());
        }
        if (incident.vehicle(member.vehicleId()).isPresent()) {
            throw new IllegalStateException("vehicle " + member.vehicleId() + " already served incident " + incidentId
                    + "; a vehicle is sent to an incident once");
        }
        Instant now = clock.instant();
        Recommendation estimate = estimate(member, incident.location(), speedNear(incident.location(), now), now);
        Assignment assignment = new Assignment(member.vehicleId(), member.type(), Map.of(Step.DISPATCHED, now),
                Map.of(Step.DISPATCHED, StepSource.OPERATOR), estimate.eta(), operator);
        List<Assignment> vehicles = new ArrayList<>(incident.vehicles());
        vehicles.add(assignment);
        Incident updated = commitVehicleStep(incident, vehicles, assignment, Step.DISPATCHED, now, StepSource.OPERATOR, operator, true);
        LOG.info("incident={} vehicle={} dispatched by {}, estimated travel {} s", incidentId, member.vehicleId(), operator,
                estimate.eta().toSeconds());
        return updated;
    }

    @Override
    public synchronized Incident recordStep(String incidentId, String vehicleId, Step step, Instant at, StepSource source, String user) {
        if (step == Step.CLOSED) {
            if (vehicleId != null) {
                throw new IllegalArgumentException("closed is a step of the incident, not of vehicle " + vehicleId);
            }
            return close(incidentId, user);
        }
        if (!step.isVehicleStep()) {
            throw new IllegalArgumentException("step " + step.label() + " is set when the call is received; record one of dispatched,"
                    + " left-station, on-scene, left-scene, at-hospital, back-in-service or closed");
        }
        if (step == Step.DISPATCHED) {
            throw new IllegalArgumentException("a vehicle is dispatched with rescue:dispatch, which checks that it is available");
        }
        Incident incident = openIncident(incidentId);
        Assignment assignment = incident.vehicle(vehicleId).orElseThrow(() -> new IllegalStateException(
                "vehicle " + vehicleId + " is not dispatched to incident " + incidentId + "; dispatch it first"));
        Instant now = clock.instant();
        Instant time = at == null ? now : at;
        if (time.isAfter(now.plus(MAX_FUTURE))) {
            throw new IllegalArgumentException(step.label() + " at " + time + " is in the future; the node's time is " + now);
        }

        if (assignment.steps().containsKey(step)) {
            // The first source wins; the later report is kept for audit.
            write(() -> database.inTransaction(connection -> {
                FrontOfficeTables.insertStepReport(connection, incidentId, vehicleId, step, time, source, user, now, false);
                return null;
            }), "step report of incident " + incidentId);
            LOG.info("incident={} vehicle={} {} reported again by {} ({}); the first report from {} stands", incidentId, vehicleId,
                    step.label(), source.label(), user, assignment.sources().getOrDefault(step, StepSource.OPERATOR).label());
            return incident;
        }
        Step current = assignment.currentStep();
        if (!PREVIOUS.get(step).contains(current)) {
            throw new IllegalStateException("vehicle " + vehicleId + " of incident " + incidentId + " cannot go from " + current.label()
                    + " to " + step.label() + ": " + reason(step, current));
        }
        Instant previous = assignment.steps().get(current);
        if (time.isBefore(previous)) {
            throw new IllegalStateException(step.label() + " at " + time + " is before " + current.label() + " at " + previous
                    + " of vehicle " + vehicleId + " on incident " + incidentId);
        }

        Map<Step, Instant> steps = new EnumMap<>(assignment.steps());
        steps.put(step, time);
        Map<Step, StepSource> sources = new EnumMap<>(Step.class);
        sources.putAll(assignment.sources());
        sources.put(step, source);
        Assignment updatedAssignment = new Assignment(vehicleId, assignment.vehicleType(), steps, sources, assignment.recommendedEta(),
                assignment.dispatchedBy());
        List<Assignment> vehicles = new ArrayList<>();
        for (Assignment other : incident.vehicles()) {
            vehicles.add(other.vehicleId().equals(vehicleId) ? updatedAssignment : other);
        }
        Incident updated = commitVehicleStep(incident, vehicles, updatedAssignment, step, time, source, user, false);
        LOG.info("incident={} vehicle={} {} at {} ({})", incidentId, vehicleId, step.label(), time, source.label());
        return updated;
    }

    private static String reason(Step step, Step current) {
        if (current == Step.BACK_IN_SERVICE) {
            return "it is back in service and has left the incident";
        }
        return switch (step) {
            case LEFT_STATION -> "a vehicle leaves its station only right after it is dispatched";
            case ON_SCENE -> "the vehicle has already been on scene";
            case LEFT_SCENE -> current.ordinal() < Step.ON_SCENE.ordinal() ? "it has not arrived on scene" : "it has already left the scene";
            case AT_HOSPITAL -> current.ordinal() < Step.LEFT_SCENE.ordinal() ? "it must leave the scene first" : "it has already been at hospital";
            case BACK_IN_SERVICE -> "it must leave the scene first";
            default -> "the step is out of order";
        };
    }

    /** Stores a vehicle's step, recomputes the incident's times from its vehicles, and stores what changed. */
    private Incident commitVehicleStep(Incident incident, List<Assignment> vehicles, Assignment assignment, Step step, Instant time,
            StepSource source, String user, boolean newAssignment) {
        Map<Step, Instant> steps = incidentSteps(incident.steps(), vehicles);
        Incident updated = new Incident(incident.incidentId(), incident.type(), incident.location(), incident.peopleAffected(), incident.note(),
                incident.calls(), steps, vehicles, incident.alertRaisedAt(), incident.closedBy());
        Instant now = clock.instant();
        String id = incident.incidentId();
        write(() -> database.inTransaction(connection -> {
            if (newAssignment) {
                FrontOfficeTables.insertAssignment(connection, id, assignment);
            } else {
                FrontOfficeTables.setStepTime(connection, id, assignment.vehicleId(), step, time);
            }
            FrontOfficeTables.insertStepReport(connection, id, assignment.vehicleId(), step, time, source, user, now, true);
            for (Step incidentStep : Step.values()) {
                if (incidentStep.isVehicleStep() && !java.util.Objects.equals(incident.time(incidentStep), steps.get(incidentStep))) {
                    FrontOfficeTables.setStepTime(connection, id, null, incidentStep, steps.get(incidentStep));
                    if (steps.get(incidentStep) != null) {
                        FrontOfficeTables.insertStepReport(connection, id, null, incidentStep, steps.get(incidentStep), source, user, now, true);
                    }
                }
            }
            return null;
        }), step.label() + " of vehicle " + assignment.vehicleId() + " on incident " + id);
        remember(updated);
        return updated;
    }

    /** Returns the incident's step times as its vehicles' steps make them (see {@link Step}). */
    static Map<Step, Instant> incidentSteps(Map<Step, Instant> current, List<Assignment> vehicles) {
        Map<Step, Instant> steps = new EnumMap<>(Step.class);
        for (Map.Entry<Step, Instant> entry : current.entrySet()) {
            if (!entry.getKey().isVehicleStep()) {
                steps.put(entry.getKey(), entry.getValue());
            }
        }
        for (Step step : List.of(Step.DISPATCHED, Step.LEFT_STATION, Step.ON_SCENE, Step.AT_HOSPITAL)) {
            vehicles.stream().map(v -> v.steps().get(step)).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                    .ifPresent(t -> steps.put(step, t));
        }
        boolean sceneCleared = !vehicles.isEmpty() && vehicles.stream().allMatch(v -> v.currentStep().ordinal() >= Step.LEFT_SCENE.ordinal());
        if (sceneCleared) {
            vehicles.stream().map(v -> v.steps().get(Step.LEFT_SCENE)).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                    .ifPresent(t -> steps.put(Step.LEFT_SCENE, t));
        }
        if (!vehicles.isEmpty() && vehicles.stream().noneMatch(Assignment::active)) {
            vehicles.stream().map(v -> v.steps().get(Step.BACK_IN_SERVICE)).max(Comparator.naturalOrder())
                    .ifPresent(t -> steps.put(Step.BACK_IN_SERVICE, t));
        }
        return steps;
    }

    @Override
    public synchronized Incident close(String incidentId, String supervisor) {
        return close(incidentId, null, supervisor);
    }

    @Override
    public synchronized Incident close(String incidentId, IncidentOutcome outcome, String supervisor) {
        Incident incident = openIncident(incidentId);
        List<String> active = incident.vehicles().stream().filter(Assignment::active).map(Assignment::vehicleId).toList();
        if (!active.isEmpty()) {
            throw new IllegalStateException("incident " + incidentId + " cannot be closed while vehicles " + String.join(", ", active)
                    + " are not back in service");
        }
        Instant now = clock.instant();
        Map<Step, Instant> steps = new EnumMap<>(incident.steps());
        steps.put(Step.CLOSED, now);
        Incident closed = new Incident(incidentId, incident.type(), incident.location(), incident.peopleAffected(), incident.note(),
                incident.calls(), steps, incident.vehicles(), incident.alertRaisedAt(), supervisor);
        write(() -> database.inTransaction(connection -> {
            FrontOfficeTables.setStepTime(connection, incidentId, null, Step.CLOSED, now);
            FrontOfficeTables.setClosedBy(connection, incidentId, supervisor);
            FrontOfficeTables.insertStepReport(connection, incidentId, null, Step.CLOSED, now, StepSource.OPERATOR, supervisor, now, true);
            if (outcome != null) {
                CaseTables.insertOutcome(connection, incidentId, outcome, supervisor, now);
            }
            return null;
        }), "closing incident " + incidentId);
        open.remove(incidentId);
        scenarioIncidents.remove(incidentId);
        LOG.info("incident={} closed by {}{}", incidentId, supervisor, outcome == null ? ", without an outcome" : "");
        return closed;
    }

    @Override
    public synchronized Optional<IncidentOutcome> outcome(String incidentId) {
        return query(() -> database.read(c -> CaseTables.loadOutcome(c, incidentId)), "outcome of " + incidentId);
    }

    // ---- technical assistance

    @Override
    public synchronized Assistance addAssistance(String incidentId, Assistance assistance, String user) {
        Incident incident = openIncident(incidentId);
        Instant now = clock.instant();
        Instant givenAt = assistance.givenAt() == null ? now : assistance.givenAt();
        if (givenAt.isAfter(now.plus(MAX_FUTURE))) {
            throw new IllegalArgumentException("assistance given at " + givenAt + " is in the future; the node's time is " + now);
        }
        if (givenAt.isBefore(incident.time(Step.CALL_RECEIVED))) {
            throw new IllegalArgumentException("assistance given at " + givenAt + " is before the first call of incident " + incident.incidentId()
                    + " at " + incident.time(Step.CALL_RECEIVED));
        }
        if (assistance.vehicleId() != null && incident.vehicle(assistance.vehicleId()).isEmpty()) {
            throw new IllegalArgumentException("vehicle " + assistance.vehicleId() + " is not dispatched to incident " + incident.incidentId()
                    + "; name the crew of one of its vehicles");
        }
        Assistance stored = new Assistance(java.util.UUID.randomUUID().toString(), incident.incidentId(), givenAt, assistance.givenBy(),
                assistance.givenTo(), assistance.vehicleId(), assistance.kind(), assistance.text(), user);
        write(() -> database.inTransaction(connection -> {
            CaseTables.insertAssistance(connection, stored, now);
            return null;
        }), "assistance on incident " + incident.incidentId());
        LOG.info("incident={} {} given to {} by {}, recorded by {}", incident.incidentId(), stored.kind().label(), stored.givenTo().label(),
                stored.givenBy(), user);
        return stored;
    }

    @Override
    public synchronized List<Assistance> assistance(String incidentId) {
        return query(() -> database.read(c -> CaseTables.loadAssistance(c, incidentId)), "assistance of " + incidentId);
    }

    // ---- GPS

    /** Takes a stored fix of a vehicle: updates its position, the fleet speeds and the watches of its incident. */
    synchronized void position(String vehicleId, PositionFix fix) {
        if (vehicleId == null || !fix.valid()) {
            return;
        }
        PositionFix previous = latestFixes.get(vehicleId);
        if (previous != null && fix.fixTime().isBefore(previous.fixTime())) {
            return;
        }
        latestFixes.put(vehicleId, fix);
        if (fix.speedKmh() != null) {
            speeds.add(fix.latitude(), fix.longitude(), fix.speedKmh(), fix.fixTime());
        }
        reportTraffic(speeds.completedHours(fix.fixTime()));
        String incidentId = busyVehicles.get(vehicleId);
        if (incidentId == null) {
            return;
        }
        Incident incident = open.get(incidentId);
        Assignment assignment = incident.vehicle(vehicleId).orElseThrow();
        if (fix.fixTime().isBefore(assignment.steps().get(Step.DISPATCHED))) {
            return;
        }
        VehicleTracking watch = tracking.get(vehicleId);
        if (watch == null || !watch.incidentId().equals(incidentId)) {
            Location station = fleet.find(vehicleId).map(Fleet.Member::stationLocation).orElseThrow();
            watch = new VehicleTracking(settings, gazetteer, incidentId, station, incident.location());
            tracking.put(vehicleId, watch);
        }
        Optional<VehicleTracking.Detected> detected = watch.update(assignment, fix);
        if (detected.isPresent()) {
            try {
                recordStep(incidentId, vehicleId, detected.get().step(), detected.get().time(), StepSource.GPS, "gps");
            } catch (IllegalStateException | IllegalArgumentException e) {
                LOG.warn("incident={} vehicle={} {} seen in GPS fixes was not recorded: {}", incidentId, vehicleId,
                        detected.get().step().label(), e.getMessage());
            }
        }
    }

    /** Sends the fleet speeds of completed hours to HQ, one record per hour; a failed write is logged and the hours are not retried. */
    private void reportTraffic(List<FleetSpeeds.HourlySpeed> completed) {
        if (completed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            database.inTransaction(connection -> {
                TrafficRecords.append(connection, completed, settings.trafficFreeFlowKmh(), districts, now);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("fleet speeds of {} hourly cells from {} could not be queued for HQ: {}", completed.size(), completed.get(0).hour(),
                    e.getMessage());
        }
    }

    // ---- response clock

    /**
     * Raises the response alert of every open incident whose clock passed the warning without a vehicle on
     * scene, and returns the alerts raised by this call.
     */
    synchronized List<ResponseAlert> checkResponseClocks() {
        Instant now = clock.instant();
        List<ResponseAlert> raised = new ArrayList<>();
        Instant scenarioNow = clock instanceof ScenarioClock scenarioClock ? scenarioClock.scenarioTime() : null;
        for (Incident incident : List.copyOf(open.values())) {
            Instant received = incident.time(Step.CALL_RECEIVED);
            Instant incidentNow = scenarioNow != null && scenarioIncidents.contains(incident.incidentId()) ? scenarioNow : now;
            Duration elapsed = Duration.between(received, incidentNow);
            if (incident.alertRaisedAt() != null || incident.time(Step.ON_SCENE) != null || elapsed.compareTo(settings.responseWarning()) < 0) {
                continue;
            }
            write(() -> database.inTransaction(connection -> {
                FrontOfficeTables.setAlert(connection, incident.incidentId(), received, incidentNow);
                return null;
            }), "alert of incident " + incident.incidentId());
            remember(new Incident(incident.incidentId(), incident.type(), incident.location(), incident.peopleAffected(), incident.note(),
                    incident.calls(), incident.steps(), incident.vehicles(), incidentNow, incident.closedBy()));
            LOG.warn("incident={} has no vehicle on scene {} s after the call ({} at {}); response clock warning is {} s", incident.incidentId(),
                    elapsed.toSeconds(), incident.type().label(), describe(incident.location()), settings.responseWarning().toSeconds());
            raised.add(new ResponseAlert(incident.incidentId(), incident.type(), incident.location(), received, incidentNow, elapsed));
        }
        return raised;
    }

    // ---- figures

    /**
     * Sends to HQ the KPIs of each district for every shift that ended at least the report delay ago and was
     * not sent yet. After a start it sends the last such shift again, which HQ stores once. Returns how many
     * shifts it sent.
     */
    synchronized int publishShiftKpis() {
        Instant due = clock.instant().minus(settings.kpiReportDelay());
        if (nextKpiShift == null) {
            // TODO: shifts that fell due while the node was down for longer than one shift are not sent; keep the
            // last sent shift in the database to catch up on them.
            KpiCalendar.ShiftDay current = calendar.shiftOf(due);
            nextKpiShift = calendar.shiftOf(current.start().minusNanos(1));
        }
        int sent = 0;
        while (!nextKpiShift.end().isAfter(due)) {
            KpiCalendar.ShiftDay shift = nextKpiShift;
            Instant now = clock.instant();
            write(() -> database.inTransaction(connection -> {
                List<CallRecord> calls = FrontOfficeTables.loadCalls(connection, null, shift.start(), shift.end());
                List<Incident> incidents = new ArrayList<>();
                for (String id : FrontOfficeTables.incidentIds(connection, shift.start(), shift.end())) {
                    incidents.addAll(FrontOfficeTables.loadIncidents(connection, id));
                }
                for (String district : calendar.districts()) {
                    Kpi kpi = ScopedKpis.compute(shift.start(), shift.end(), calls, incidents, settings.responseTarget(), districts, calendar,
                            district, shift.shift().name());
                    KpiRecords.append(connection, district, shift, kpi, now);
                }
                return null;
            }), "KPIs of shift " + shift.shift().name() + " on " + shift.day());
            LOG.info("KPIs of shift {} on {} queued for HQ for {} districts", shift.shift().name(), shift.day(), calendar.districts().size());
            nextKpiShift = calendar.shiftOf(shift.end());
            sent++;
        }
        return sent;
    }

    @Override
    public synchronized Kpi kpi(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("KPI period from " + from + " to " + to + " is empty; the start must be before the end");
        }
        return query(() -> database.read(connection -> {
            List<CallRecord> calls = FrontOfficeTables.loadCalls(connection, null, from, to);
            List<Incident> incidents = new ArrayList<>();
            for (String id : FrontOfficeTables.incidentIds(connection, from, to)) {
                incidents.addAll(FrontOfficeTables.loadIncidents(connection, id));
            }
            return Kpis.compute(from, to, calls, incidents, settings.responseTarget());
        }), "KPIs");
    }

    @Override
    public synchronized Kpi kpi(Instant from, Instant to, String district, String shift) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("KPI period from " + from + " to " + to + " is empty; the start must be before the end");
        }
        String districtName = district == null ? null : calendar.district(district).orElseThrow(() -> new IllegalArgumentException(
                "district '" + district + "' is unknown; use one of " + String.join(", ", calendar.districts())));
        String shiftName = shift == null ? null : calendar.shift(shift).map(Shift::name).orElseThrow(() -> new IllegalArgumentException(
                "shift '" + shift + "' is unknown; use one of " + calendar.shifts()));
        return query(() -> database.read(connection -> {
            List<CallRecord> calls = FrontOfficeTables.loadCalls(connection, null, from, to);
            List<Incident> incidents = new ArrayList<>();
            for (String id : FrontOfficeTables.incidentIds(connection, from, to)) {
                incidents.addAll(FrontOfficeTables.loadIncidents(connection, id));
            }
            return ScopedKpis.compute(from, to, calls, incidents, settings.responseTarget(), districts, calendar, districtName, shiftName);
        }), "KPIs");
    }

    @Override
    public KpiCalendar kpiCalendar() {
        return calendar;
    }

    @Override
    public synchronized List<Vehicle> vehicles() {
        List<Vehicle> result = new ArrayList<>();
        for (Fleet.Member member : fleet.all()) {
            String incidentId = busyVehicles.get(member.vehicleId());
            Step step = incidentId == null ? null : open.get(incidentId).vehicle(member.vehicleId()).orElseThrow().currentStep();
            PositionFix fix = latestFixes.get(member.vehicleId());
            result.add(new Vehicle(member.vehicleId(), member.type(), member.station(), incidentId, step, fix == null ? null : fix.fixTime()));
        }
        return result;
    }

    @Override
    public List<String> landmarks() {
        return gazetteer.places(Gazetteer.Kind.LANDMARK).stream().map(Gazetteer.Place::name).toList();
    }

    // ---- helpers

    private Incident openIncident(String incidentId) {
        Incident incident = open.get(incidentId == null ? "" : incidentId.strip());
        if (incident != null) {
            return incident;
        }
        if (incident(incidentId == null ? "" : incidentId.strip()).isPresent()) {
            throw new IllegalStateException("incident " + incidentId + " is closed");
        }
        throw new IllegalArgumentException("incident '" + incidentId + "' does not exist; rescue:incident-list shows the open incidents");
    }

    /** Keeps an open incident in memory and the vehicles it commits. */
    private void remember(Incident incident) {
        open.put(incident.incidentId(), incident);
        for (Assignment assignment : incident.vehicles()) {
            if (assignment.active()) {
                busyVehicles.put(assignment.vehicleId(), incident.incidentId());
            } else if (incident.incidentId().equals(busyVehicles.get(assignment.vehicleId()))) {
                busyVehicles.remove(assignment.vehicleId());
                tracking.remove(assignment.vehicleId());
            }
        }
    }

    private static Incident withCalls(Incident incident, int calls) {
        return new Incident(incident.incidentId(), incident.type(), incident.location(), incident.peopleAffected(), incident.note(), calls,
                incident.steps(), incident.vehicles(), incident.alertRaisedAt(), incident.closedBy());
    }

    private static String describe(Location location) {
        return location.landmark() != null ? location.landmark()
                : String.format(java.util.Locale.ROOT, "%.5f,%.5f", location.latitude(), location.longitude());
    }

    private static String maskedNumber(String number) {
        return new CallRecord(null, null, null, number, null, null, null, 0, null, Disposition.BLANK, null, false, null).maskedCallerNumber();
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T query(SqlWork<T> work, String what) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be read from the database: " + e.getMessage(), e);
        }
    }

    private static void write(SqlWork<?> work, String what) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be stored, nothing changed: " + e.getMessage(), e);
        }
    }
}
