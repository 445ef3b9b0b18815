package org.rescuegrid.driver.radio.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.api.device.DeviceRegistry;

@Command(scope = "rescue", name = "radio-list", description = "Lists the radios of every gateway with vehicle, unit status, RSSI, battery and when each was last heard.")
@Service
public class RadioListCommand implements Action {

    @Reference
    GatewayDirectory directory;

    @Reference
    DeviceRegistry registry;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Radio");
        table.column("Vehicle");
        table.column("Gateway");
        table.column("Status");
        table.column("Code").alignRight();
        table.column("Talk group");
        table.column("RSSI dBm").alignRight();
        table.column("Battery %").alignRight();
        table.column("Reachable");
        table.column("Last heard");
        for (RadioSnapshot radio : directory.radios()) {
            table.addRow().addContent(radio.radioId(), registry.vehicleOf(radio.radioId()).orElse("-"), radio.gateway(),
                    radio.unitStatus() == null ? "unmapped" : radio.unitStatus().label(), text(radio.statusCode()),
                    text(radio.talkGroup()), decimal(radio.rssiDbm()), decimal(radio.batteryPercent()), radio.online() ? "yes" : "no",
                    age(radio.lastHeard(), now));
        }
        table.print(System.out);
        return null;
    }

    static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    static String decimal(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Formats how long ago an instant was, for example {@code 12s ago}. */
    static String age(Instant instant, Instant now) {
        if (instant == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(instant, now).getSeconds());
        return seconds < 120 ? seconds + "s ago" : seconds < 7200 ? seconds / 60 + "m ago" : seconds / 3600 + "h ago";
    }
}
