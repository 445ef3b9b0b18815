package org.rescuegrid.backoffice.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rescuegrid.frontoffice.scenario.Scenario;

/**
 * A front-office scenario (see {@link Scenario}) with back-office lines mixed in. The back-office lines
 * are taken out before the rest is parsed as a front-office scenario; they keep their line numbers.
 *
 * <pre>
 * sop 0:00 road-traffic-accident-v1.json        publish a procedure file of src/test/resources/sop
 * tick 8:00 A scene-safety S-201                a checklist tick of incident A by a staff member
 * readiness 0:00 AMB-LHR-101 fail=oxygen S-201  a readiness check (pass, or fail=ITEM,ITEM) by a staff member
 * tamper 30:00 2 after_summary=passed           change a column of audit record 2 directly in the database
 * check 7:30 C scene-safety pending             the step's status as evaluated at that time
 * expect-sop A 1                                the procedure version incident A is evaluated against
 * expect-step A dispatch late late=0:15 staff=S-111 [due=1:00] [done=1:15]
 * expect-score staff S-111 met=0 late=1 missed=0 score=0
 * expect-audit verified 5                       or: expect-audit broken 2 edited
 * </pre>
 */
final class BackOfficeScenario {

    /** A back-office line. */
    record Line(int line, String command, Duration at, List<String> arguments, Map<String, String> options) {
    }

    private static final Set<String> EVENTS = Set.of("sop", "tick", "readiness", "tamper", "check");
    private static final Set<String> EXPECTATIONS = Set.of("expect-sop", "expect-step", "expect-score", "expect-audit");

    final Scenario frontOffice;
    final List<Line> events;
    final List<Line> expectations;

    private BackOfficeScenario(Scenario frontOffice, List<Line> events, List<Line> expectations) {
        this.frontOffice = frontOffice;
        this.events = events;
        this.expectations = expectations;
    }

    static BackOfficeScenario parse(String name, String text) {
        String[] lines = text.split("\n", -1);
        List<Line> events = new ArrayList<>();
        List<Line> expectations = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf('#');
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            String[] tokens = code.isEmpty() ? new String[0] : code.split("\\s+");
            if (tokens.length > 0 && (EVENTS.contains(tokens[0]) || EXPECTATIONS.contains(tokens[0]))) {
                List<String> arguments = new ArrayList<>();
                Map<String, String> options = new LinkedHashMap<>();
                for (int t = 1; t < tokens.length; t++) {
                    int equals = tokens[t].indexOf('=');
                    if (equals > 0) {
                        options.put(tokens[t].substring(0, equals), tokens[t].substring(equals + 1));
                    } else {
                        arguments.add(tokens[t]);
                    }
                }
                try {
                    if (EVENTS.contains(tokens[0])) {
                        events.add(new Line(i + 1, tokens[0], Scenario.offset(arguments.get(0)), List.copyOf(arguments.subList(1, arguments.size())),
                                options));
                    } else {
                        expectations.add(new Line(i + 1, tokens[0], null, List.copyOf(arguments), options));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + " line " + (i + 1) + " is invalid: " + e.getMessage(), e);
                }
                rest.append('\n');
            } else {
                rest.append(line).append('\n');
            }
        }
        events.sort(Comparator.comparing(Line::at));
        return new BackOfficeScenario(Scenario.parse(name, rest.toString()), List.copyOf(events), List.copyOf(expectations));
    }
}
