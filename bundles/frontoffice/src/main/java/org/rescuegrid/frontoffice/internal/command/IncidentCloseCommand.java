package org.rescuegrid.frontoffice.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.frontoffice.FrontOfficeService;

@Command(scope = "rescue", name = "incident-close", description = "Closes an incident whose vehicles are all back in service. Supervisors and admins only.")
@Service
public class IncidentCloseCommand implements Action {

    @Argument(index = 0, name = "incident", description = "Open incident id.", required = true)
    @Completion(Completers.OpenIncidents.class)
    String incidentId;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Override
    public Object execute() {
        frontOffice.close(incidentId.strip(), Users.current(session));
        System.out.println("Incident " + incidentId.strip() + " closed.");
        return null;
    }
}
