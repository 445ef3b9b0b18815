package org.rescuegrid.frontoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Recommendation;

@Command(scope = "rescue", name = "dispatch", description = "Without a vehicle, shows the available vehicles ranked by estimated travel time; with one, dispatches it.")
@Service
public class DispatchCommand extends FrontOfficeCommand {

    @Argument(index = 0, name = "incident", description = "Open incident id.", required = true)
    @Completion(Completers.OpenIncidents.class)
    String incidentId;

    @Argument(index = 1, name = "vehicle", description = "Vehicle to send, normally the first recommended one.")
    @Completion(Completers.Vehicles.class)
    String vehicleId;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Override
    protected Object run() {
        if (vehicleId != null) {
            frontOffice.dispatch(incidentId.strip(), vehicleId.strip(), Users.current(session));
            System.out.println("Vehicle " + vehicleId.strip() + " dispatched to incident " + incidentId.strip() + ".");
            return null;
        }
        List<Recommendation> ranked = frontOffice.recommend(incidentId.strip());
        if (ranked.isEmpty()) {
            System.out.println("No vehicle of the types incident " + incidentId.strip() + " needs is available within reach.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Vehicle");
        table.column("Type");
        table.column("Station");
        table.column("From");
        table.column("Road km").alignRight();
        table.column("km/h").alignRight();
        table.column("ETA").alignRight();
        for (Recommendation r : ranked) {
            table.addRow().addContent(r.vehicleId(), r.type().label(), r.station(), r.fromGps() ? "GPS " + Format.time(r.positionTime()) : "station",
                    String.format(java.util.Locale.ROOT, "%.1f", r.roadDistanceKm()), String.format(java.util.Locale.ROOT, "%.0f", r.speedKmh()),
                    Format.duration(r.eta()));
        }
        table.print(System.out);
        return null;
    }
}
