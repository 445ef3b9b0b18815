package org.rescuegrid.console.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;

@Command(scope = "rescue", name = "device-list", description = "Lists the devices this node knows, with vehicle, last contact, fixes received and dropped frames.")
@Service
public class DeviceListCommand implements Action {

    @Reference
    DeviceRegistry registry;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Device");
        table.column("Protocol");
        table.column("Vehicle");
        table.column("Connected");
        table.column("Last contact");
        table.column("Fixes").alignRight();
        table.column("Errors").alignRight();
        table.column("Error detail");
        for (DeviceInfo device : registry.list()) {
            table.addRow().addContent(device.deviceId(), device.protocol(), ConsoleFormat.text(device.vehicleId()),
                    device.connected() ? "yes" : "no", ConsoleFormat.age(device.lastContact(), now), device.fixesReceived(),
                    device.errorCount(), errorDetail(device));
        }
        table.print(System.out);
        return null;
    }

    private static String errorDetail(DeviceInfo device) {
        StringBuilder detail = new StringBuilder();
        for (DeviceErrorKind kind : DeviceErrorKind.values()) {
            long count = device.errors().getOrDefault(kind, 0L);
            if (count > 0) {
                detail.append(detail.length() == 0 ? "" : ", ").append(kind.name().toLowerCase().replace('_', ' ')).append(' ').append(count);
            }
        }
        return detail.length() == 0 ? "-" : detail.toString();
    }
}
