package org.rescuegrid.console.internal;

import java.util.ArrayList;
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

@Command(scope = "rescue", name = "position-last", description = "Shows the latest valid position of one vehicle or device, or of every one."
        + " When a device's last received fix was flagged (FUTURE, IMPOSSIBLE_JUMP, HISTORY, NO_FIX), it is shown"
        + " in a second row with its flag.")
@Service
public class PositionLastCommand implements Action {

    @Argument(index = 0, name = "vehicle", description = "Vehicle id, or a device id for a device on no vehicle. Omit it to list all.")
    @Completion(VehicleIdCompleter.class)
    String vehicle;

    @Reference
    PositionStore positions;

    @Override
    public Object execute() {
        List<StoredPosition> rows = new ArrayList<>();
        if (vehicle == null) {
            rows.addAll(positions.latestOfAll());
        } else {
            positions.latest(vehicle.strip()).ifPresent(rows::add);
        }
        rows.addAll(newerFlagged(rows));
        if (vehicle != null && rows.isEmpty()) {
            throw new IllegalArgumentException("no position stored for vehicle or device '" + vehicle
                    + "'; rescue:device-list shows the devices and the vehicles they are on");
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
        table.column("Validity");
        for (StoredPosition row : rows) {
            PositionFix fix = row.fix();
            table.addRow().addContent(ConsoleFormat.text(row.vehicleId()), fix.deviceId(), ConsoleFormat.time(fix.fixTime()),
                    ConsoleFormat.coordinate(fix.latitude()), ConsoleFormat.coordinate(fix.longitude()),
                    ConsoleFormat.decimal(fix.speedKmh(), 1), ConsoleFormat.decimal(fix.course(), 0),
                    ConsoleFormat.text(fix.satellites()), ConsoleFormat.decimal(fix.hdop(), 1), row.validity());
        }
        table.print(System.out);
        return null;
    }

    /**
     * Returns the flagged fixes that the devices of the request sent after their latest usable one, so
     * that a device whose reports are all being flagged does not look silent.
     */
    private List<StoredPosition> newerFlagged(List<StoredPosition> usable) {
        String requested = vehicle == null ? null : vehicle.strip();
        List<StoredPosition> flagged = new ArrayList<>();
        for (StoredPosition last : positions.lastReceivedOfAll()) {
            if (last.validity().usable()) {
                continue;
            }
            if (requested != null && !requested.equals(last.vehicleId()) && !requested.equals(last.fix().deviceId())) {
                continue;
            }
            boolean shownAlready = usable.stream().anyMatch(row -> row.fix().deviceId().equals(last.fix().deviceId())
                    && !row.receivedAt().isBefore(last.receivedAt()));
            if (!shownAlready) {
                flagged.add(last);
            }
        }
        return flagged;
    }
}
