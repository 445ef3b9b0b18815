package org.rescuegrid.frontoffice.internal.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;

@Command(scope = "rescue", name = "incident-show", description = "Shows an incident: its steps, vehicles, calls, response time, technical assistance and outcome.")
@Service
public class IncidentShowCommand extends FrontOfficeCommand {

    @Argument(index = 0, name = "incident", description = "Incident id, open or closed.", required = true)
    @Completion(Completers.OpenIncidents.class)
    String incidentId;

    @Reference
    FrontOfficeService frontOffice;

    @Override
    protected Object run() {
        Incident incident = frontOffice.incident(incidentId.strip()).orElseThrow(() -> new IllegalArgumentException(
                "incident '" + incidentId + "' does not exist; rescue:incident-list shows the open incidents"));
        PrintStream out = System.out;
        out.println(incident.incidentId() + "  " + incident.type().label() + "  " + Format.place(incident.location())
                + (incident.open() ? "  open" : "  closed by " + Format.text(incident.closedBy())));
        out.println("People affected: " + incident.peopleAffected() + "   Calls: " + incident.calls()
                + "   Response time: " + Format.duration(incident.responseTime().orElse(null))
                + (incident.alertRaisedAt() == null ? "" : "   Alert raised " + Format.time(incident.alertRaisedAt())));
        if (incident.note() != null) {
            out.println("Note: " + incident.note());
        }

        ShellTable steps = new ShellTable();
        steps.column("Step");
        steps.column("Time (UTC)");
        for (Step step : Step.values()) {
            steps.addRow().addContent(step.label(), Format.time(incident.time(step)));
        }
        steps.print(out);

        if (!incident.vehicles().isEmpty()) {
            ShellTable vehicles = new ShellTable();
            vehicles.column("Vehicle");
            vehicles.column("Type");
            for (Step step : Step.values()) {
                if (step.isVehicleStep()) {
                    vehicles.column(step.label());
                }
            }
            vehicles.column("Estimated travel");
            for (Assignment assignment : incident.vehicles()) {
                org.apache.karaf.shell.support.table.Row row = vehicles.addRow();
                row.addContent(assignment.vehicleId(), assignment.vehicleType().label());
                for (Step step : Step.values()) {
                    if (step.isVehicleStep()) {
                        row.addContent(stepCell(assignment.steps(), assignment.sources(), step));
                    }
                }
                row.addContent(Format.duration(assignment.recommendedEta()));
            }
            vehicles.print(out);
        }

        ShellTable calls = new ShellTable();
        calls.column("Call");
        calls.column("Received (UTC)");
        calls.column("Caller");
        calls.column("Operator");
        calls.column("Flag");
        for (CallRecord call : frontOffice.calls(incident.incidentId())) {
            calls.addRow().addContent(call.callId(), Format.time(call.receivedAt()), Format.text(call.callerNumber()), Format.text(call.operator()),
                    call.repeatNuisance() ? "repeat nuisance" : "");
        }
        calls.print(out);

        List<Assistance> assistance = frontOffice.assistance(incident.incidentId());
        if (!assistance.isEmpty()) {
            ShellTable guidance = new ShellTable();
            guidance.column("Given (UTC)");
            guidance.column("Kind");
            guidance.column("By");
            guidance.column("To");
            guidance.column("Text").maxSize(60).wrap();
            for (Assistance record : assistance) {
                String to = record.givenTo().label() + (record.vehicleId() == null ? "" : " " + record.vehicleId());
                guidance.addRow().addContent(Format.time(record.givenAt()), record.kind().label(), record.givenBy(), to, record.text());
            }
            guidance.print(out);
        }
        frontOffice.outcome(incident.incidentId()).ifPresent(outcome -> out.println("Outcome: " + outcome.peopleRescued() + " rescued ("
                + outcome.firstAidOnScene() + " first aid on scene, " + outcome.takenToHospital() + " to hospital), "
                + outcome.deathsOnScene() + " dead on scene"));
        return null;
    }

    private static String stepCell(Map<Step, java.time.Instant> steps, Map<Step, StepSource> sources, Step step) {
        java.time.Instant time = steps.get(step);
        if (time == null) {
            return "-";
        }
        StepSource source = sources.get(step);
        return Format.time(time).substring(11) + (source == null ? "" : " " + source.label());
    }
}
