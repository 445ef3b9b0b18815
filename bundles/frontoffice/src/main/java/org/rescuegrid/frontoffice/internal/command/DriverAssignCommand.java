package org.rescuegrid.frontoffice.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.frontoffice.DriverBehaviourService;

@Command(scope = "rescue", name = "driver-assign", description = "Assigns a driver to a vehicle; its driving events count for that driver from now on.")
@Service
public class DriverAssignCommand extends FrontOfficeCommand {

    @Argument(index = 0, name = "vehicle", description = "Vehicle id of the fleet.", required = true)
    @Completion(Completers.Vehicles.class)
    String vehicleId;

    @Argument(index = 1, name = "driver", description = "Driver id: 1-64 letters, digits, '.', '_' or '-'.", required = true)
    String driverId;

    @Reference
    DriverBehaviourService driving;

    @Reference
    Session session;

    @Override
    protected Object run() {
        driving.assign(vehicleId, driverId, Users.current(session));
        System.out.println("Driver " + driverId.strip() + " assigned to " + vehicleId.strip());
        return null;
    }
}
