package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.internal.FrontOfficeFixture;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioResult;
import org.rescuegrid.frontoffice.scenario.ScenarioTarget;

/**
 * Plays a back-office scenario: the front-office player drives a real front office, and before each of
 * its events the back-office lines that fall due run and the back office evaluates the incidents, as its
 * timer does on a node. Returns the mismatches of both parts.
 */
final class BackOfficeScenarioRunner implements ScenarioTarget {

    private final BackOfficeScenario scenario;
    private final EmbeddedDataSource dataSource;
    private final FrontOfficeFixture frontOffice;
    final AuditChain audit;
    final SopLibrary procedures;
    final Readiness readiness;
    final Compliance compliance;
    private final List<String> mismatches = new ArrayList<>();
    private int next;
    private ScenarioResult played;

    BackOfficeScenarioRunner(BackOfficeScenario scenario) throws SQLException, IOException {
        this.scenario = scenario;
        this.dataSource = TestDatabase.inMemory();
        this.frontOffice = new FrontOfficeFixture(dataSource, scenario.frontOffice.start());
        BackOfficeDatabase database = new BackOfficeDatabase(dataSource);
        this.audit = new AuditChain(database, frontOffice.clock());
        this.procedures = new SopLibrary(database, null, audit, frontOffice.clock());
        Roster roster = Roster.read(FrontOfficeFixture.ETC.resolve("rescuegrid/staff.csv"), FrontOfficeFixture.ETC.resolve("rescuegrid/shifts.csv"),
                FrontOfficeFixture.ETC.resolve("rescuegrid/rota.csv"));
        this.readiness = new Readiness(database, List.of("equipment", "fuel", "oxygen", "stretcher"), audit, frontOffice.clock());
        this.compliance = new Compliance(database, procedures, frontOffice.frontOffice(), () -> roster, time -> roster, audit,
                frontOffice.clock());
        frontOffice.readiness(readiness);
    }

    static BackOfficeScenario load(String name) throws IOException {
        try (InputStream in = BackOfficeScenarioRunner.class.getResourceAsStream("/scenarios/" + name)) {
            return BackOfficeScenario.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    List<String> play() throws InterruptedException {
        played = new ScenarioPlayer(this, Double.POSITIVE_INFINITY).play(scenario.frontOffice);
        mismatches.addAll(0, played.mismatches());
        for (Map.Entry<String, String> label : played.incidents().entrySet()) {
            if (!label.getValue().equals(labels().get(label.getKey()))) {
                mismatches.add(scenario.frontOffice.name() + ": label " + label.getKey() + " is incident " + label.getValue()
                        + "; label incidents A, B, C... in the order they are created");
            }
        }
        Instant end = scenario.events.isEmpty() ? Instant.MIN : scenario.frontOffice.start().plus(scenario.events.get(scenario.events.size() - 1).at());
        advanceTo(end.isAfter(frontOffice.clock().instant()) ? end : frontOffice.clock().instant());
        for (BackOfficeScenario.Line expectation : scenario.expectations) {
            try {
                check(expectation);
            } catch (RuntimeException e) {
                mismatches.add(where(expectation) + ": " + e);
            }
        }
        return mismatches;
    }

    @Override
    public FrontOfficeService frontOffice() {
        return frontOffice.frontOffice();
    }

    @Override
    public void advanceTo(Instant time) {
        while (next < scenario.events.size() && !scenario.frontOffice.start().plus(scenario.events.get(next).at()).isAfter(time)) {
            BackOfficeScenario.Line event = scenario.events.get(next++);
            frontOffice.advanceTo(scenario.frontOffice.start().plus(event.at()));
            compliance.evaluateAll();
            try {
                run(event);
            } catch (RuntimeException | IOException | SQLException e) {
                mismatches.add(where(event) + ": " + event.command() + " failed: " + e);
            }
        }
        frontOffice.advanceTo(time);
        compliance.evaluateAll();
    }

    @Override
    public void position(String vehicleId, PositionFix fix) {
        frontOffice.position(vehicleId, fix);
    }

    private void run(BackOfficeScenario.Line event) throws IOException, SQLException {
        List<String> args = event.arguments();
        Instant at = scenario.frontOffice.start().plus(event.at());
        switch (event.command()) {
            case "sop" -> {
                try (InputStream in = getClass().getResourceAsStream("/sop/" + args.get(0))) {
                    procedures.publish(args.get(0), new String(Objects.requireNonNull(in, args.get(0)).readAllBytes(), StandardCharsets.UTF_8),
                            Actor.console("scenario"));
                }
            }
            case "tick" -> compliance.recordFact(new IncidentFact(incident(args.get(0)), Sop.FactKind.CHECKLIST, args.get(1), at,
                    args.size() > 2 ? args.get(2) : null), Actor.console("scenario"));
            case "readiness" -> {
                List<String> failed = event.options().containsKey("fail") ? Arrays.asList(event.options().get("fail").split(",")) : List.of();
                String staff = args.stream().skip(1).filter(a -> !a.equals("pass")).findFirst().orElse(null);
                readiness.record(args.get(0), at, staff, failed, null, Actor.console("scenario"));
            }
            case "tamper" -> {
                Map.Entry<String, String> change = event.options().entrySet().iterator().next();
                TestDatabase.update(dataSource, "UPDATE bo_audit SET " + change.getKey() + " = '" + change.getValue() + "' WHERE seq = " + args.get(0));
            }
            case "check" -> {
                StepResult result = result(args.get(0), args.get(1));
                if (!result.status().label().equals(args.get(2))) {
                    mismatches.add(where(event) + ": " + args.get(1) + " of " + args.get(0) + " at " + event.at() + " is " + result.status().label()
                            + ", expected " + args.get(2));
                }
            }
            default -> throw new IllegalArgumentException("back-office command " + event.command() + " is not playable");
        }
    }

    private void check(BackOfficeScenario.Line expectation) {
        List<String> args = expectation.arguments();
        Map<String, String> options = expectation.options();
        switch (expectation.command()) {
            case "expect-sop" -> {
                String id = incident(args.get(0));
                int version = compliance.results(id, null, null).stream().findFirst().map(StepResult::sopVersion).orElse(0);
                expectEqual(expectation, "procedure version of " + args.get(0), args.get(1), String.valueOf(version));
            }
            case "expect-step" -> {
                StepResult result = result(args.get(0), args.get(1));
                String what = args.get(1) + " of " + args.get(0);
                expectEqual(expectation, "status of " + what, args.get(2), result.status().label());
                expectEqual(expectation, "lateness of " + what, options.getOrDefault("late", "-"),
                        result.late() == null ? "-" : relative(result.late().toSeconds()));
                if (options.containsKey("staff")) {
                    expectEqual(expectation, "responsible for " + what, options.get("staff"), String.valueOf(result.staffId()));
                }
                if (options.containsKey("due")) {
                    expectEqual(expectation, "deadline of " + what, options.get("due"), offset(result.dueAt()));
                }
                if (options.containsKey("done")) {
                    expectEqual(expectation, "done time of " + what, options.get("done"), offset(result.doneAt()));
                }
            }
            case "expect-score" -> {
                Function<StepResult, String> key = switch (args.get(0)) {
                    case "staff" -> StepResult::staffId;
                    case "station" -> StepResult::station;
                    case "district" -> StepResult::district;
                    case "shift" -> StepResult::shift;
                    default -> throw new IllegalArgumentException("expect-score takes staff, station, district or shift");
                };
                Scores.Score score = Scores.by(compliance.results(null, null, null), key).stream().filter(s -> s.key().equals(args.get(1)))
                        .findFirst().orElse(new Scores.Score(args.get(1), 0, 0, 0, 0, -1, java.time.Duration.ZERO));
                String actual = "met=" + score.met() + " late=" + score.late() + " missed=" + score.missed() + " score=" + score.score();
                String expected = "met=" + options.get("met") + " late=" + options.get("late") + " missed=" + options.get("missed") + " score="
                        + options.get("score");
                expectEqual(expectation, args.get(0) + " " + args.get(1), expected, actual);
            }
            case "expect-audit" -> {
                AuditVerification verification = audit.verify();
                String actual = verification.intact() ? "verified " + verification.verified()
                        : "broken " + verification.firstBroken() + " " + verification.reason();
                String expected = String.join(" ", args);
                if (!actual.startsWith(expected)) {
                    mismatches.add(where(expectation) + ": audit chain is '" + verification.describe() + "', expected " + expected);
                }
            }
            default -> throw new IllegalArgumentException(expectation.command() + " is unknown");
        }
    }

    private StepResult result(String label, String step) {
        String id = incident(label);
        return compliance.results(id, null, null).stream().filter(r -> r.stepId().equals(step)).findFirst()
                .orElseThrow(() -> new IllegalStateException("incident " + label + " has no result for step " + step));
    }

    private String incident(String label) {
        ScenarioResult result = played;
        if (result != null) {
            return result.incidentId(label);
        }
        // While playing, the front office's incident ids follow creation order: labels map through the open or closed incidents.
        return labels().get(label);
    }

    private Map<String, String> labels() {
        // The player keeps its labels private until the end; scenarios name incidents in creation order A, B, C...
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < 26; i++) {
            map.put(String.valueOf((char) ('A' + i)), String.format("INC-%06d", i + 1));
        }
        return map;
    }

    private void expectEqual(BackOfficeScenario.Line line, String what, String expected, String actual) {
        String normalised = expected.contains(":") && !expected.equals("-") ? relative(Scenario.offset(expected).toSeconds()) : expected;
        if (!normalised.equals(actual)) {
            mismatches.add(where(line) + ": " + what + " is " + actual + ", expected " + normalised);
        }
    }

    private String offset(Instant time) {
        return time == null ? "-" : relative(java.time.Duration.between(scenario.frontOffice.start(), time).toSeconds());
    }

    private static String relative(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private String where(BackOfficeScenario.Line line) {
        return scenario.frontOffice.name() + " line " + line.line();
    }
}
