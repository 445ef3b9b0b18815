package org.rescuegrid.driver.onvif.internal.command;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.driver.onvif.CameraService;
import org.rescuegrid.driver.onvif.CameraView;
import org.rescuegrid.onvif.DiscoveredDevice;
import org.rescuegrid.onvif.WsDiscovery;

@Command(scope = "rescue", name = "camera-discover", description = "Sends a WS-Discovery probe for ONVIF cameras and lists"
        + " the devices that respond, marking those already configured.")
@Service
public class CameraDiscoverCommand implements Action {

    @Reference
    CameraService cameras;

    @Option(name = "--target", description = "Where to send the probe as HOST:PORT; default the WS-Discovery multicast"
            + " group 239.255.255.250:3702. A camera's own address sends a directed probe.")
    String target;

    @Option(name = "--wait", description = "Seconds to collect responses, 1-30.")
    int waitSeconds = 3;

    @Override
    public Object execute() throws IOException {
        if (waitSeconds < 1 || waitSeconds > 30) {
            throw new IllegalArgumentException("invalid --wait " + waitSeconds + ", expected seconds from 1 to 30");
        }
        List<DiscoveredDevice> devices = new WsDiscovery(target(), null).probe(Duration.ofSeconds(waitSeconds));
        Set<String> configured = cameras.cameras().stream().map(CameraView::address)
                .map(address -> address.getHost() + ":" + address.getPort()).collect(Collectors.toSet());
        ShellTable table = new ShellTable();
        table.column("Endpoint");
        table.column("Name");
        table.column("Hardware");
        table.column("Device service");
        table.column("Configured");
        for (DiscoveredDevice device : devices) {
            URI first = device.serviceAddresses().isEmpty() ? null : device.serviceAddresses().get(0);
            boolean known = first != null && configured.contains(first.getHost() + ":" + first.getPort());
            table.addRow().addContent(device.endpoint(), device.scope("name"), device.scope("hardware"),
                    first == null ? "-" : first, known ? "yes" : "no");
        }
        table.print(System.out);
        System.out.println(devices.size() + " device(s) responded within " + waitSeconds + " s");
        return null;
    }

    private InetSocketAddress target() {
        if (target == null) {
            return WsDiscovery.MULTICAST_GROUP;
        }
        IllegalArgumentException invalid = new IllegalArgumentException("invalid --target '" + target
                + "', expected HOST:PORT such as 10.1.2.3:3702");
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || !target.substring(colon + 1).matches("\\d{1,5}")) {
            throw invalid;
        }
        int port = Integer.parseInt(target.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw invalid;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(target.substring(0, colon)), port);
        } catch (UnknownHostException e) {
            throw invalid;
        }
    }
}
