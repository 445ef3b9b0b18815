package org.rescuegrid.backoffice.internal.command;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.backoffice.internal.Actor;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.IncidentFact;
import org.rescuegrid.backoffice.internal.Sop;

@Command(scope = "rescue", name = "checklist-tick", description = "Records that a crew member ticked a checklist item of an incident, such as scene-safety.")
@Service
public class ChecklistTickCommand extends BackOfficeCommand {

    @Argument(index = 0, name = "incident", description = "Incident id.", required = true)
    String incidentId;

    @Argument(index = 1, name = "item", description = "Checklist item named by the incident's procedure, for example scene-safety.", required = true)
    String item;

    @Option(name = "--staff", description = "Staff id of the crew member who ticked it.")
    String staffId;

    @Option(name = "--at", description = "When it was ticked, an ISO-8601 UTC time; default now.")
    String at;

    @Reference
    BackOffice backOffice;

    @Reference
    Session session;

    @Override
    protected Object run() {
        Instant time = at == null ? Instant.now() : Format.instant("--at", at);
        Object user = session == null ? null : session.get("USER");
        backOffice.compliance().recordFact(new IncidentFact(incidentId.strip(), Sop.FactKind.CHECKLIST, item.strip(), time,
                staffId == null ? null : staffId.strip()), Actor.console(user == null ? "console" : user.toString()));
        System.out.println("Ticked " + item.strip() + " on incident " + incidentId.strip() + ".");
        return null;
    }
}
