package org.rescuegrid.frontoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;

// TODO: restrict incident-close and call-reclassify to a supervisor role (Karaf command ACL in etc/org.apache.karaf.command.acl.rescue.cfg, JAAS roles operator/supervisor/admin).
@Command(scope = "rescue", name = "incident-close", description = "Closes an incident whose vehicles are all back in service.")
@Service
public class IncidentCloseCommand implements Action {

    @Argument(index = 0, name = "incident", description = "Open incident id.", required = true)
    @Completion(Completers.OpenIncidents.class)
    String incidentId;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Reference(optional = true)
    AuditLog audit;

    @Override
    public Object execute() {
        Incident closed = frontOffice.close(incidentId.strip(), Users.current(session));
        Audit.record(audit, session, "incident-close", List.of(closed.incidentId()), "open", "closed at " + closed.time(Step.CLOSED));
        System.out.println("Incident " + incidentId.strip() + " closed.");
        return null;
    }
}
