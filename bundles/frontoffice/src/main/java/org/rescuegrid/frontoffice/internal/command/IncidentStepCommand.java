package org.rescuegrid.frontoffice.internal.command;

import java.util.List;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;

@Command(scope = "rescue", name = "incident-step", description = "Records a vehicle's step that GPS did not detect, for example an arrival reported by radio.")
@Service
public class IncidentStepCommand extends FrontOfficeCommand {

    @Argument(index = 0, name = "incident", description = "Open incident id.", required = true)
    @Completion(Completers.OpenIncidents.class)
    String incidentId;

    @Argument(index = 1, name = "vehicle", description = "Vehicle dispatched to the incident.", required = true)
    @Completion(Completers.Vehicles.class)
    String vehicleId;

    @Argument(index = 2, name = "step", description = "left-station, on-scene, left-scene, at-hospital or back-in-service.", required = true)
    @Completion(value = StringsCompleter.class, values = {"left-station", "on-scene", "left-scene", "at-hospital", "back-in-service"})
    String step;

    @Option(name = "--at", description = "When it happened, as an ISO-8601 UTC time such as 2026-12-04T10:07:00Z; default now.")
    String at;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Reference(optional = true)
    AuditLog audit;

    @Override
    protected Object run() {
        Instant time = Format.utcTime("--at", at);
        Step parsed = Step.parse(step);
        Incident before = frontOffice.incident(incidentId.strip()).orElse(null);
        Incident after = frontOffice.recordStep(incidentId.strip(), vehicleId.strip(), parsed, time, StepSource.OPERATOR, Users.current(session));
        Audit.record(audit, session, "incident-step", List.of(incidentId.strip(), vehicleId.strip()), stepOf(before, vehicleId.strip(), parsed),
                parsed.label() + " at " + after.vehicle(vehicleId.strip()).map(a -> a.steps().get(parsed)).orElse(null)
                        + (time == null ? "" : " (reported " + time + ")"));
        System.out.println("Recorded " + parsed.label() + " of " + vehicleId.strip() + " on incident " + incidentId.strip() + ".");
        return null;
    }

    // The vehicle's time and source of the step before the report, for the audit record; a step GPS already set stays.
    private static String stepOf(Incident incident, String vehicleId, Step step) {
        return incident == null ? null : incident.vehicle(vehicleId)
                .map(a -> a.steps().containsKey(step) ? step.label() + " at " + a.steps().get(step) + " (" + (a.sources().containsKey(step) ? a.sources().get(step).label() : "-") + ")"
                        : "at " + a.currentStep().label())
                .orElse(null);
    }
}
