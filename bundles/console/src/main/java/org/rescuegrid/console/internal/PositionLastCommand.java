package org.rescuegrid.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.PositionStore;
import org.rescuegrid.api.position.StoredPosition;

@Command(scope = "rescue", name = "position-last", description = "Shows the latest valid position of one vehicle or device, or of every one.")
@Service
public class PositionLastCommand implements Action {

    @Argument(index = 0, name = "vehicle", description = "Vehicle id, or a device id for a device on no vehicle. Omit it to list all.")
    @Completion(VehicleIdCompleter.class)
    String vehicle;

    @Reference
    PositionStore positions;

    @Override
    public Object execute() {
        List<StoredPosition> rows;
        if (vehicle == null) {
            rows = positions.latestOfAll();
        } else {
            rows = positions.latest(vehicle.strip()).map(List::of).orElse(List.of());
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no valid position stored for vehicle or device '" + vehicle
                        + "'; rescue:device-list shows the devices and the vehicles they are on");
            }
        }

        ShellTable table = new ShellTable();
        table.column("Vehicle");
        table.column("Device");
        table.column("Fix time (UTC)");
        table.column("Latitude").alignRight();
        table.column("Longitude").alignRight();
        table.column("Speed km/h").alignRight();
        table.column("Course").alignRight();
        table.column("Sats").alignRight();
        table.column("HDOP").alignRight();
        for (StoredPosition row : rows) {
            PositionFix fix = row.fix();
            table.addRow().addContent(ConsoleFormat.text(row.vehicleId()), fix.deviceId(), ConsoleFormat.time(fix.fixTime()),
                    ConsoleFormat.coordinate(fix.latitude()), ConsoleFormat.coordinate(fix.longitude()),
                    ConsoleFormat.decimal(fix.speedKmh(), 1), ConsoleFormat.decimal(fix.course(), 0),
                    ConsoleFormat.text(fix.satellites()), ConsoleFormat.decimal(fix.hdop(), 1));
        }
        table.print(System.out);
        return null;
    }
}
