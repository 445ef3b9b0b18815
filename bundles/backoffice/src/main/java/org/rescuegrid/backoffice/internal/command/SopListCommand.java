package org.rescuegrid.backoffice.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.SopLibrary;

@Command(scope = "rescue", name = "sop-list", description = "Lists the standard operating procedures: every version with when it took effect, and files that were not loaded.")
@Service
public class SopListCommand extends BackOfficeCommand {

    @Reference
    BackOffice backOffice;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("Incident type");
        table.column("Version").alignRight();
        table.column("Title");
        table.column("Steps").alignRight();
        table.column("Effective from (UTC)");
        table.column("Loaded (UTC)");
        table.column("File");
        for (SopLibrary.StoredSop stored : backOffice.procedures().versions()) {
            table.addRow().addContent(stored.sop().incidentType().label(), stored.sop().version(), Format.text(stored.sop().title()),
                    stored.sop().steps().size(), Format.time(stored.effectiveFrom()), Format.time(stored.loadedAt()), stored.fileName());
        }
        table.print(System.out);
        for (String problem : backOffice.procedures().problems()) {
            System.out.println("Not loaded: " + problem);
        }
        return null;
    }
}
