package org.rescuegrid.frontoffice.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;

@Command(scope = "rescue", name = "incident-list", description = "Lists the open incidents with their response clocks; ALERT marks those past the warning without a vehicle on scene.")
@Service
public class IncidentListCommand extends FrontOfficeCommand {

    @Reference
    FrontOfficeService frontOffice;

    @Override
    protected Object run() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Incident");
        table.column("Type");
        table.column("Place");
        table.column("Call received");
        table.column("Clock").alignRight();
        table.column("Step");
        table.column("Vehicles");
        table.column("Alert");
        for (Incident incident : frontOffice.openIncidents()) {
            Instant received = incident.time(Step.CALL_RECEIVED);
            Duration clock = incident.responseTime().orElse(Duration.between(received, now));
            String vehicles = incident.vehicles().stream().map(v -> v.vehicleId() + " " + v.currentStep().label())
                    .collect(Collectors.joining(", "));
            table.addRow().addContent(incident.incidentId(), incident.type().label(), Format.place(incident.location()), Format.time(received),
                    Format.duration(clock), incident.currentStep().label(), vehicles.isEmpty() ? "-" : vehicles,
                    incident.alertRaisedAt() == null ? "" : "ALERT");
        }
        table.print(System.out);
        return null;
    }

}
