package org.rescuegrid.backoffice.internal.command;

import java.util.Comparator;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.Sop;
import org.rescuegrid.backoffice.internal.SopLibrary;
import org.rescuegrid.frontoffice.IncidentType;

@Command(scope = "rescue", name = "sop-show", description = "Shows the steps of a procedure: role, the fact that marks each done, and its deadline.")
@Service
public class SopShowCommand extends BackOfficeCommand {

    @Argument(index = 0, name = "incident-type", description = "Incident type, for example road-traffic-accident.", required = true)
    @Completion(value = StringsCompleter.class, values = {"road-traffic-accident", "fire", "medical-emergency", "building-collapse", "drowning",
        "explosion", "other"})
    String type;

    @Option(name = "--version", description = "Version to show; default the newest.")
    Integer version;

    @Reference
    BackOffice backOffice;

    @Override
    protected Object run() {
        IncidentType parsed = IncidentType.parse(type);
        SopLibrary.StoredSop stored = backOffice.procedures().versions().stream()
                .filter(s -> s.sop().incidentType() == parsed && (version == null || s.sop().version() == version))
                .max(Comparator.comparingInt(s -> s.sop().version()))
                .orElseThrow(() -> new IllegalArgumentException("no procedure " + parsed.label() + (version == null ? "" : " version " + version)
                        + " is loaded; rescue:sop-list shows the loaded versions"));
        Sop sop = stored.sop();
        System.out.println(sop.incidentType().label() + " version " + sop.version() + (sop.title() == null ? "" : ": " + sop.title())
                + ", effective from " + Format.time(stored.effectiveFrom()) + ", file " + stored.fileName());
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Step");
        table.column("Name");
        table.column("Role");
        table.column("Done when");
        table.column("Deadline");
        table.column("Required");
        int index = 0;
        for (Sop.SopStep step : sop.steps()) {
            table.addRow().addContent(++index, step.id(), Format.text(step.name()), step.role(), step.fact().toString(),
                    step.within() == null ? "-" : Format.duration(step.within()) + " after " + step.after(), step.required() ? "yes" : "no");
        }
        table.print(System.out);
        return null;
    }
}
