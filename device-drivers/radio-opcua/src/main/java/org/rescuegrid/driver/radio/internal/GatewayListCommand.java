package org.rescuegrid.driver.radio.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "rescue", name = "gateway-list", description = "Lists the radio gateways with endpoint, security, connection state, monitored items, followed event types,"
        + " reconnects and reconnect delays.")
@Service
public class GatewayListCommand implements Action {

    @Reference
    GatewayDirectory directory;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Gateway");
        table.column("Endpoint");
        table.column("Security");
        table.column("Identity");
        table.column("State");
        table.column("Since");
        table.column("Radios").alignRight();
        table.column("Items").alignRight();
        table.column("Events");
        table.column("Reconnects").alignRight();
        table.column("Retry delay");
        table.column("Detail").maxSize(100);
        for (RadioGateway gateway : directory.gateways()) {
            GatewayStatus status = gateway.gatewayStatus();
            table.addRow().addContent(status.name(), status.endpointUrl(), status.security(), status.identity(), status.state(),
                    RadioListCommand.age(status.since(), now), status.radios(), status.monitoredItems(),
                    status.eventTypes().isEmpty() ? "-" : String.join(",", status.eventTypes()), status.reconnects(), status.reconnectDelays(),
                    status.detail().isEmpty() ? "-" : status.detail());
        }
        table.print(System.out);
        return null;
    }
}
