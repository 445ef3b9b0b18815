package org.rescuegrid.backoffice.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.Readiness;
import org.rescuegrid.frontoffice.Vehicle;

@Command(scope = "rescue", name = "readiness", description = "Lists the fleet with each vehicle's latest readiness check and whether it is in service.")
@Service
public class ReadinessCommand extends BackOfficeCommand {

    @Reference
    BackOffice backOffice;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("Vehicle");
        table.column("Service");
        table.column("Checked (UTC)");
        table.column("By");
        table.column("Failed items");
        table.column("Note");
        for (Vehicle vehicle : backOffice.frontOffice().vehicles()) {
            Readiness.Check check = backOffice.readiness().latest(vehicle.vehicleId()).orElse(null);
            table.addRow().addContent(vehicle.vehicleId(), check == null || check.passed() ? "in service" : "OUT OF SERVICE",
                    check == null ? "not checked" : Format.time(check.checkedAt()), check == null ? "-" : Format.text(check.staffId()),
                    check == null || check.passed() ? "-" : String.join(", ", check.failedItems()), check == null ? "-" : Format.text(check.note()));
        }
        table.print(System.out);
        return null;
    }
}
