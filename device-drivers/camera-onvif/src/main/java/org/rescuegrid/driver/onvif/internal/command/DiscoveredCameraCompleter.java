package org.rescuegrid.driver.onvif.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.driver.onvif.CameraDiscoveryService;
import org.rescuegrid.driver.onvif.DiscoveredCamera;

/** Completes the indexes of discovered cameras that are not configured yet. */
@Service
public class DiscoveredCameraCompleter implements Completer {

    @Reference
    CameraDiscoveryService discovery;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (DiscoveredCamera camera : discovery.discovered()) {
            if (!camera.configured()) {
                delegate.getStrings().add(Integer.toString(camera.index()));
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
