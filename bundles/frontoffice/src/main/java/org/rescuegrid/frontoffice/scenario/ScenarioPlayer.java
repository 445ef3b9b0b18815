package org.rescuegrid.frontoffice.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;

/**
 * Runs a scenario against a front office. Between two events it waits their distance in scenario time
 * divided by the speed-up; with an infinite speed-up it does not wait at all, and the scenario's
 * timestamps are still exact because the target's clock follows the scenario, not the wall clock.
 */
public final class ScenarioPlayer {

    private final ScenarioTarget target;
    private final double speedup;
    private final Map<String, String> incidents = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();

    public ScenarioPlayer(ScenarioTarget target, double speedup) {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("speed-up " + speedup + " is invalid; use a positive factor such as 60, or infinity for no waiting");
        }
        this.target = target;
        this.speedup = speedup;
    }

    /** Plays every event, then checks the expectations, and returns the mismatches. */
    public ScenarioResult play(Scenario scenario) throws InterruptedException {
        Duration previous = Duration.ZERO;
        for (Scenario.Event event : scenario.events()) {
            pace(event.at().minus(previous));
            previous = event.at();
            target.advanceTo(scenario.start().plus(event.at()));
            run(scenario, event);
        }
        for (Scenario.Expectation expectation : scenario.expectations()) {
            check(scenario, expectation);
        }
        for (Scenario.Expectation expectation : scenario.kpiExpectations()) {
            checkKpi(scenario, expectation);
        }
        return new ScenarioResult(Map.copyOf(incidents), List.copyOf(mismatches));
    }

    /** Returns the incidents the scenario has created so far by label, also after a stopped {@link #play}. */
    public Map<String, String> incidents() {
        return Map.copyOf(incidents);
    }

    private void pace(Duration scenarioTime) throws InterruptedException {
        if (Double.isInfinite(speedup) || scenarioTime.isZero()) {
            return;
        }
        long millis = (long) (scenarioTime.toMillis() / speedup);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private void run(Scenario scenario, Scenario.Event event) {
        String where = scenario.name() + " line " + event.line();
        try {
            execute(scenario, event);
            if (event.expectedError() != null) {
                mismatches.add(where + ": " + event.command() + " succeeded but was expected to fail with '" + event.expectedError() + "'");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (event.expectedError() == null) {
                mismatches.add(where + ": " + event.command() + " failed: " + e.getMessage());
            } else if (e.getMessage() == null || !e.getMessage().contains(event.expectedError())) {
                mismatches.add(where + ": " + event.command() + " failed with '" + e.getMessage() + "', expected '" + event.expectedError() + "'");
            }
        }
    }

    private void execute(Scenario scenario, Scenario.Event event) {
        FrontOfficeService frontOffice = target.frontOffice();
        List<String> args = event.arguments();
        switch (event.command()) {
            case "call" -> call(scenario, event);
            case "dispatch" -> frontOffice.dispatch(incident(args.get(0)), args.get(1), "scenario");
            case "step" -> frontOffice.recordStep(incident(args.get(0)), args.get(1), Step.parse(args.get(2)), null, StepSource.OPERATOR, "scenario");
            case "close" -> frontOffice.close(incident(args.get(0)), "scenario");
            case "fix" -> target.position(args.get(0), event.fix());
            case "recommend" -> {
                List<String> ranked = frontOffice.recommend(incident(args.get(0))).stream().map(Recommendation::vehicleId).toList();
                List<String> expected = args.size() < 2 || args.get(1).equals("-") ? List.of() : List.of(args.get(1).split(","));
                if (!ranked.equals(expected)) {
                    mismatches.add(scenario.name() + " line " + event.line() + ": recommendation for " + args.get(0) + " is " + ranked
                            + ", expected " + expected);
                }
            }
            default -> throw new IllegalArgumentException("command " + event.command() + " is not playable");
        }
    }

    private void call(Scenario scenario, Scenario.Event event) {
        Map<String, String> options = event.options();
        Disposition disposition = Disposition.parse(options.getOrDefault("disposition", "emergency"));
        Location location = null;
        if (options.containsKey("at")) {
            double[] point = Scenario.point(options.get("at"));
            location = Location.of(point[0], point[1]);
        }
        String attach = options.containsKey("attach") ? incident(options.get("attach")) : null;
        NewCall call = new NewCall(scenario.start().plus(event.at()), options.get("caller"), options.get("name"), location,
                options.containsKey("landmark") ? options.get("landmark").replace('_', ' ') : null, options.containsKey("type") ? IncidentType.parse(options.get("type")) : null,
                Integer.parseInt(options.getOrDefault("people", "0")), options.get("note"), disposition, attach,
                options.containsKey("new-incident"), "scenario");
        CallRecord record = target.frontOffice().receiveCall(call);
        String label = event.arguments().isEmpty() ? "-" : event.arguments().get(0);
        if (!label.equals("-") && record.incidentId() != null) {
            incidents.putIfAbsent(label, record.incidentId());
        }
        if (options.containsKey("flagged") && Boolean.parseBoolean(options.get("flagged")) != record.repeatNuisance()) {
            mismatches.add(scenario.name() + " line " + event.line() + ": call " + record.callId() + " repeat-nuisance flag is "
                    + record.repeatNuisance() + ", expected " + options.get("flagged"));
        }
    }

    private String incident(String label) {
        String id = incidents.get(label);
        if (id == null) {
            throw new IllegalArgumentException("no incident labelled " + label + " has been created yet");
        }
        return id;
    }

    private void check(Scenario scenario, Scenario.Expectation expectation) {
        String where = scenario.name() + " line " + expectation.line();
        List<String> args = expectation.arguments();
        String id = incidents.get(args.get(0));
        if (id == null) {
            mismatches.add(where + ": no incident labelled " + args.get(0));
            return;
        }
        Incident incident = target.frontOffice().incident(id).orElseThrow();
        String expected = args.get(args.size() - 1);
        String actual;
        String what;
        if (args.size() == 3 && args.get(1).equals("calls")) {
            what = "calls of " + args.get(0);
            actual = String.valueOf(incident.calls());
        } else if (args.size() == 3 && args.get(1).equals("alert")) {
            what = "response alert of " + args.get(0);
            actual = relative(scenario.start(), incident.alertRaisedAt());
        } else if (args.size() == 3) {
            Step step = Step.parse(args.get(1));
            what = step.label() + " of " + args.get(0);
            actual = relative(scenario.start(), incident.time(step));
        } else if (args.size() == 4) {
            Step step = Step.parse(args.get(2));
            Optional<Assignment> vehicle = incident.vehicle(args.get(1));
            what = step.label() + " of " + args.get(1) + " on " + args.get(0);
            actual = vehicle.isEmpty() ? "not dispatched" : relative(scenario.start(), vehicle.get().steps().get(step));
            if (expectation.options().containsKey("source") && vehicle.isPresent()) {
                String source = Optional.ofNullable(vehicle.get().sources().get(step)).map(StepSource::label).orElse("-");
                if (!source.equals(expectation.options().get("source"))) {
                    mismatches.add(where + ": source of " + what + " is " + source + ", expected " + expectation.options().get("source"));
                }
            }
        } else {
            mismatches.add(where + ": expect takes LABEL [VEHICLE] STEP TIME, LABEL alert TIME or LABEL calls N");
            return;
        }
        String normalised = expected.equals("-") ? "-" : args.get(1).equals("calls") ? expected : format(Scenario.offset(expected));
        if (!normalised.equals(actual)) {
            mismatches.add(where + ": " + what + " is " + actual + ", expected " + normalised);
        }
    }

    private void checkKpi(Scenario scenario, Scenario.Expectation expectation) {
        Instant from = scenario.start();
        Instant to = scenario.start().plus(scenario.length()).plusSeconds(1);
        Kpi kpi = target.frontOffice().kpi(from, to);
        for (Map.Entry<String, String> entry : expectation.options().entrySet()) {
            String actual = kpiValue(kpi, entry.getKey());
            String expected = entry.getValue().contains(":") ? format(Scenario.offset(entry.getValue())) : entry.getValue();
            if (!expected.equals(actual)) {
                mismatches.add(scenario.name() + " line " + expectation.line() + ": KPI " + entry.getKey() + " is " + actual + ", expected " + expected);
            }
        }
    }

    private static String kpiValue(Kpi kpi, String key) {
        if (key.startsWith("calls.")) {
            return String.valueOf(kpi.callsByDisposition().getOrDefault(Disposition.parse(key.substring(6)), 0L));
        }
        if (key.startsWith("incidents.")) {
            return String.valueOf(kpi.incidentsByType().getOrDefault(IncidentType.parse(key.substring(10)), 0L));
        }
        return switch (key) {
            case "responded" -> String.valueOf(kpi.responded());
            case "within" -> String.valueOf(kpi.withinTarget());
            default -> {
                String[] parts = key.split("\\.");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("KPI " + key + " is unknown; use responded, within, calls.D, incidents.T or"
                            + " response|handling|dispatch|travel.mean|median|p90");
                }
                Kpi.Stats stats = switch (parts[0]) {
                    case "response" -> kpi.response();
                    case "handling" -> kpi.callHandling();
                    case "dispatch" -> kpi.dispatch();
                    case "travel" -> kpi.travel();
                    default -> throw new IllegalArgumentException("KPI " + key + " is unknown");
                };
                Duration value = switch (parts[1]) {
                    case "mean" -> stats.mean();
                    case "median" -> stats.median();
                    case "p90" -> stats.p90();
                    default -> throw new IllegalArgumentException("KPI " + key + " is unknown");
                };
                yield value == null ? "-" : format(value);
            }
        };
    }

    private static String relative(Instant start, Instant time) {
        return time == null ? "-" : format(Duration.between(start, time));
    }

    /** Formats a duration as {@code m:ss}, or {@code h:mm:ss} from one hour. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        String sign = seconds < 0 ? "-" : "";
        seconds = Math.abs(seconds);
        return seconds >= 3600 ? String.format("%s%d:%02d:%02d", sign, seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%s%d:%02d", sign, seconds / 60, seconds % 60);
    }
}
