package org.rescuegrid.backoffice.internal.command;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.backoffice.internal.Actor;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.Sop;

@Command(scope = "rescue", name = "sop-publish", description = "Publishes a procedure version from a JSON file and copies it into the procedure directory. Admins only.")
@Service
public class SopPublishCommand extends BackOfficeCommand {

    @Argument(index = 0, name = "file", description = "JSON file of the procedure, with its incidentType and version inside.", required = true)
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
        Actor actor = Admins.require(audit, session, "sop-publish", List.of(file), "publish procedures");
        String text = readFile(file, "a procedure JSON file");
        Optional<Sop> published = backOffice.procedures().publishAndSave(text, actor);
        String name = Sop.fileNameOf(text);
        System.out.println(published.isPresent() ? "Published " + name + "." : name + " is already stored with the same content; nothing changed.");
        return null;
    }
}
