package org.rescuegrid.console.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.api.uplink.UplinkMonitor;
import org.rescuegrid.api.uplink.UplinkStatus;

@Command(scope = "rescue", name = "uplink-status", description = "Shows the upload to HQ: transport, records waiting, confirmed and rejected, last success and last error.")
@Service
public class UplinkStatusCommand implements Action {

    // Optional so that the command explains a missing uplink instead of disappearing from the console.
    @Reference(optional = true)
    UplinkMonitor uplink;

    @Override
    public Object execute() {
        if (uplink == null) {
            throw new IllegalStateException("the uplink is not running on this node: either feature rescuegrid-uplink is not"
                    + " installed, or etc/org.rescuegrid.uplink.cfg (province, hqUrl, token) is missing or invalid; the log names the invalid value");
        }
        UplinkStatus status = uplink.status();
        Instant now = Instant.now();

        ShellTable table = new ShellTable();
        table.column("Item");
        table.column("Value");
        table.addRow().addContent("Outbox backlog", status.backlog() < 0 ? "unknown (database unavailable)" : status.backlog() + " records");
        table.addRow().addContent("Transport", status.transport());
        table.addRow().addContent("Confirmed by HQ since start", status.sent() + " records");
        table.addRow().addContent("Rejected by HQ, set aside", status.rejected() < 0 ? "unknown (database unavailable)"
                : status.rejected() + " records (table outbox_rejected, with HQ's reason)");
        table.addRow().addContent("Last success", ConsoleFormat.time(status.lastSuccess()) + " (" + ConsoleFormat.age(status.lastSuccess(), now) + ")");
        table.addRow().addContent("Last error", status.lastError() == null ? "-" : ConsoleFormat.time(status.lastErrorAt()) + " " + status.lastError());
        table.addRow().addContent("Next attempt", status.nextAttempt() == null ? "now" : ConsoleFormat.time(status.nextAttempt()));
        table.print(System.out);
        return null;
    }
}
