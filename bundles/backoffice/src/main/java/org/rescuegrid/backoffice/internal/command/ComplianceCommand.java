package org.rescuegrid.backoffice.internal.command;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.DriverAttribution;
import org.rescuegrid.backoffice.internal.Scores;
import org.rescuegrid.backoffice.internal.StepResult;
import org.rescuegrid.frontoffice.Incident;

@Command(scope = "rescue", name = "compliance", description = "Shows how incidents followed their procedures: each step of one incident, or scores per staff, station, district or shift.")
@Service
public class ComplianceCommand extends BackOfficeCommand {

    @Option(name = "--incident", description = "Incident id: shows each step met, late (by how much), missed or still open, with the responsible person.")
    String incidentId;

    @Option(name = "--by", description = "staff, station, district or shift; default staff.")
    @Completion(value = StringsCompleter.class, values = {"staff", "station", "district", "shift"})
    String by = "staff";

    @Option(name = "--staff", description = "Only the steps of this staff member.")
    String staffId;

    @Option(name = "--from", description = "Incidents created from this date or ISO-8601 UTC time.")
    String from;

    @Option(name = "--to", description = "Incidents created before this date or ISO-8601 UTC time.")
    String to;

    @Reference
    BackOffice backOffice;

    @Override
    protected Object run() {
        if (incidentId != null) {
            return showIncident(incidentId.strip());
        }
        Function<StepResult, String> key = switch (by.strip()) {
            case "staff" -> StepResult::staffId;
            case "station" -> StepResult::station;
            case "district" -> StepResult::district;
            case "shift" -> StepResult::shift;
            default -> throw new IllegalArgumentException("--by '" + by + "' is invalid; use staff, station, district or shift");
        };
        List<StepResult> results = backOffice.compliance().results(null, Format.instant("--from", from), Format.instant("--to", to));
        if (staffId != null) {
            results = results.stream().filter(r -> staffId.strip().equals(r.staffId())).toList();
        }
        ShellTable table = new ShellTable();
        table.column(Character.toUpperCase(by.strip().charAt(0)) + by.strip().substring(1));
        table.column("Score").alignRight();
        table.column("Met").alignRight();
        table.column("Late").alignRight();
        table.column("Missed").alignRight();
        table.column("Overdue").alignRight();
        table.column("Total late").alignRight();
        for (Scores.Score score : Scores.by(results, key)) {
            table.addRow().addContent(score.key(), score.score() < 0 ? "-" : score.score() + "%", score.met(), score.late(), score.missed(),
                    score.overdue(), Format.duration(score.totalLate()));
        }
        table.print(System.out);
        printDriverEvents();
        List<Scores.Score> worst = Scores.worstSteps(results);
        if (!worst.isEmpty()) {
            System.out.println("Steps most often late or missed:");
            ShellTable steps = new ShellTable();
            steps.column("Procedure/step");
            steps.column("Late").alignRight();
            steps.column("Missed").alignRight();
            steps.column("Total late").alignRight();
            for (Scores.Score score : worst.subList(0, Math.min(5, worst.size()))) {
                steps.addRow().addContent(score.key(), score.late(), score.missed(), Format.duration(score.totalLate()));
            }
            steps.print(System.out);
        }
        return null;
    }

    /** Prints the driver-behaviour events of the period per group, attributed to the crew rostered on each vehicle then. */
    private void printDriverEvents() {
        Instant start = Format.instant("--from", from);
        Instant end = Format.instant("--to", to);
        List<DriverAttribution.AttributedEvent> events = backOffice.driverEvents(start == null ? Instant.EPOCH : start, end == null ? Instant.now() : end)
                .stream().filter(e -> staffId == null || staffId.strip().equals(e.staffId())).toList();
        List<DriverAttribution.Tally> tallies = DriverAttribution.tally(events, DriverAttribution.key(by.strip()));
        if (tallies.isEmpty()) {
            return;
        }
        System.out.println("Driver events:");
        ShellTable table = new ShellTable();
        table.column(Character.toUpperCase(by.strip().charAt(0)) + by.strip().substring(1));
        table.column("Events").alignRight();
        table.column("By type");
        for (DriverAttribution.Tally tally : tallies) {
            table.addRow().addContent(tally.key(), tally.events(), new TreeMap<>(tally.byType()).toString());
        }
        table.print(System.out);
    }

    private Object showIncident(String id) {
        // An open incident is evaluated now; a closed one keeps its final results, which have already gone to HQ.
        backOffice.frontOffice().incident(id).filter(Incident::open).ifPresent(backOffice.compliance()::evaluate);
        List<StepResult> results = backOffice.compliance().results(id, null, null);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("incident '" + id + "' has no compliance results: it does not exist or no procedure of its type"
                    + " was in effect when it was created (rescue:sop-list)");
        }
        System.out.println("Incident " + id + " against " + results.get(0).sopType() + " version " + results.get(0).sopVersion());
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Step");
        table.column("Role");
        table.column("Done when");
        table.column("Status");
        table.column("Due (UTC)");
        table.column("Done (UTC)");
        table.column("Late by").alignRight();
        table.column("Responsible");
        table.column("Station");
        table.column("Shift");
        for (StepResult r : results) {
            table.addRow().addContent(r.order(), r.stepId(), r.role(), r.fact(), r.status().label(), Format.time(r.dueAt()), Format.time(r.doneAt()),
                    Format.duration(r.late()), Format.text(r.staffId()), Format.text(r.station()), Format.text(r.shift()));
        }
        table.print(System.out);
        return null;
    }
}
