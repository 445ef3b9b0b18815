package org.rescuegrid.console.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.api.event.DeviceEventStore;
import org.rescuegrid.api.event.StoredDeviceEvent;

@Command(scope = "rescue", name = "device-events", description = "Lists the newest device events: ignition, panic button, radio status, camera alarms.")
@Service
public class DeviceEventsCommand implements Action {

    @Argument(index = 0, name = "device", description = "Device or vehicle id. Omit it to list the events of all devices.")
    @Completion(VehicleIdCompleter.class)
    String device;

    @Option(name = "--type", description = "Only event types starting with this text, for example tracker. or radio.status")
    String typePrefix;

    @Option(name = "--limit", description = "Maximum number of events shown, 1-10000 (default 50)")
    int limit = 50;

    @Reference
    DeviceEventStore events;

    @Override
    public Object execute() {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("--limit " + limit + " is invalid; give a number from 1 to 10000");
        }
        List<StoredDeviceEvent> rows = events.recent(device == null ? null : device.strip(), typePrefix, limit);

        ShellTable table = new ShellTable();
        table.column("Time (UTC)");
        table.column("Device");
        table.column("Vehicle");
        table.column("Type");
        table.column("Details");
        for (StoredDeviceEvent row : rows) {
            table.addRow().addContent(ConsoleFormat.time(row.event().time()), row.event().deviceId(), ConsoleFormat.text(row.vehicleId()),
                    row.event().type(), details(row.event().attributes()));
        }
        table.print(System.out);
        return null;
    }

    private static String details(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "-";
        }
        return attributes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
