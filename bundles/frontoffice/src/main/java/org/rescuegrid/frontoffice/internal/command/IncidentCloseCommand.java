package org.rescuegrid.frontoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentOutcome;
import org.rescuegrid.frontoffice.Step;

@Command(scope = "rescue", name = "incident-close", description = "Closes an incident whose vehicles are all back in service, with the"
        + " outcome HQ reports monthly. Supervisors and admins only.")
@Service
public class IncidentCloseCommand extends FrontOfficeCommand {

    @Argument(index = 0, name = "incident", description = "Open incident id.", required = true)
    @Completion(Completers.OpenIncidents.class)
    String incidentId;

    @Option(name = "--rescued", description = "People brought out of danger alive, 0-10000.", required = true)
    int rescued;

    @Option(name = "--first-aid", description = "Of those, people treated on scene and left there.", required = true)
    int firstAid;

    @Option(name = "--hospital", description = "Of those, people taken to a hospital.", required = true)
    int hospital;

    @Option(name = "--deaths", description = "People dead on scene, 0-10000.", required = true)
    int deaths;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Reference(optional = true)
    AuditLog audit;

    @Override
    protected Object run() {
        IncidentOutcome outcome = new IncidentOutcome(rescued, firstAid, hospital, deaths);
        Incident closed = frontOffice.close(incidentId.strip(), outcome, Users.current(session));
        Audit.record(audit, session, "incident-close", List.of(closed.incidentId()), "open",
                "closed at " + closed.time(Step.CLOSED) + " with " + rescued + " rescued, " + firstAid + " first aid on scene, "
                        + hospital + " to hospital, " + deaths + " dead on scene");
        System.out.println("Incident " + incidentId.strip() + " closed: " + rescued + " rescued (" + firstAid + " first aid on scene, " + hospital
                + " to hospital), " + deaths + " dead on scene.");
        return null;
    }
}
