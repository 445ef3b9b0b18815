package org.rescuegrid.driver.onvif.internal.command;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.driver.onvif.CameraDiscoveryService;

@Command(scope = "rescue", name = "camera-approve", description = "Approves a camera found by rescue:camera-discover or"
        + " by its Hello: creates its camera configuration, and the driver connects to it.")
@Service
public class CameraApproveCommand implements Action {

    @Reference
    CameraDiscoveryService discovery;

    @Argument(index = 0, name = "camera", description = "The camera's index (#) or device service address as"
            + " rescue:camera-discover lists it, or its HOST:PORT.", required = true)
    @Completion(DiscoveredCameraCompleter.class)
    String selector;

    @Argument(index = 1, name = "camera-id", description = "Id for the camera in the device registry, events and"
            + " snapshots; 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'.", required = true)
    String cameraId;

    @Option(name = "--user", description = "User name for WS-Security and snapshots; default admin.")
    String username = "admin";

    @Option(name = "--password", description = "Password of that user. Karaf names the command's thread after the"
            + " command line, so a password given here reaches karaf.log; leave the option out to be asked for it.")
    String password;

    @Option(name = "--profile", description = "Media profile token; default the camera's first profile.")
    String profile = "";

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        String secret = password != null ? password : askPassword();
        String pid = discovery.approve(selector, cameraId, username, secret, profile);
        System.out.println("Camera " + cameraId.strip() + " approved as configuration " + pid
                + "; rescue:camera-list shows its health once the driver has connected.");
        return null;
    }

    /** Reads the password without echo. */
    private String askPassword() throws IOException {
        String typed;
        try {
            typed = session.readLine("Password of " + username + " (empty for none): ", '*');
        } catch (RuntimeException e) {
            // JLine reports the end of input (Ctrl-D, or a session without a terminal) as an unchecked exception.
            typed = null;
        }
        if (typed == null) {
            throw new IllegalArgumentException("no password was entered; type it at the prompt, press Enter for none,"
                    + " or give it with --password");
        }
        return typed;
    }
}
