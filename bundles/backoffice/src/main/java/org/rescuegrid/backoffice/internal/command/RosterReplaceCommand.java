package org.rescuegrid.backoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.backoffice.internal.Actor;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.Roster;

@Command(scope = "rescue", name = "roster-replace", description = "Replaces the staff, shifts or rota file of the roster with a checked copy of another file. Admins only.")
@Service
public class RosterReplaceCommand extends BackOfficeCommand {

    @Argument(index = 0, name = "part", description = "staff, shifts or rota.", required = true)
    @Completion(value = StringsCompleter.class, values = {"staff", "shifts", "rota"})
    String part;

    @Argument(index = 1, name = "file", description = "CSV file in the form of that roster file.", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Reference
    BackOffice backOffice;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    protected Object run() {
        String name = part.strip();
        if (!List.of("staff", "shifts", "rota").contains(name)) {
            throw new IllegalArgumentException("part '" + part + "' is invalid; use staff, shifts or rota");
        }
        Actor actor = Admins.require(audit, session, "roster-replace", List.of(name), "change the roster");
        String text = readFile(file, "a CSV file");
        Roster roster = backOffice.roster().replace(name, text, actor);
        System.out.println("Replaced the roster's " + name + " file: " + roster.staff().size() + " staff, " + roster.shifts().size() + " shifts, "
                + roster.rota().size() + " rota lines.");
        return null;
    }
}
