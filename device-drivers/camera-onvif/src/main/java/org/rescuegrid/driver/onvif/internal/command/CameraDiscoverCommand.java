package org.rescuegrid.driver.onvif.internal.command;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.driver.onvif.CameraDiscoveryService;
import org.rescuegrid.driver.onvif.DiscoveredCamera;
import org.rescuegrid.onvif.WsDiscovery;

@Command(scope = "rescue", name = "camera-discover", description = "Sends a WS-Discovery probe for ONVIF cameras, keeps"
        + " the cameras that respond, and lists every camera found so far by probe or Hello, marking those already"
        + " configured. Approve one with rescue:camera-approve.")
@Service
public class CameraDiscoverCommand implements Action {

    @Reference
    CameraDiscoveryService discovery;

    @Option(name = "--target", description = "Where to send the probe as HOST:PORT; default the WS-Discovery multicast"
            + " group 239.255.255.250:3702. A camera's own discovery address sends a directed probe.")
    String target;

    @Option(name = "--wait", description = "Seconds to collect responses, 1-30.")
    int waitSeconds = 3;

    @Option(name = "--list", description = "List the cameras found so far without sending a probe.")
    boolean listOnly;

    @Override
    public Object execute() throws IOException {
        if (waitSeconds < 1 || waitSeconds > 30) {
            throw new IllegalArgumentException("invalid --wait " + waitSeconds + ", expected seconds from 1 to 30");
        }
        String summary = "";
        if (!listOnly) {
            List<DiscoveredCamera> responded = discovery.probe(target(), Duration.ofSeconds(waitSeconds));
            summary = responded.size() + " camera(s) responded within " + waitSeconds + " s";
        }
        List<DiscoveredCamera> cameras = discovery.discovered();
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Device service");
        table.column("Name");
        table.column("Maker");
        table.column("Hardware");
        table.column("Heard by");
        table.column("Configured as");
        table.column("Scopes");
        for (DiscoveredCamera camera : cameras) {
            table.addRow().addContent(camera.index(), camera.address() == null ? "-" : camera.address(),
                    dash(camera.name()), dash(camera.manufacturer()), dash(camera.hardware()), camera.state(),
                    camera.configured() ? camera.configuredAs() : "-", String.join(" ", camera.scopes()));
        }
        table.print(System.out);
        System.out.println((summary.isEmpty() ? "" : summary + "; ") + cameras.size() + " camera(s) found so far");
        return null;
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
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
