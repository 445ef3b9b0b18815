package org.rescuegrid.driver.onvif.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.driver.onvif.CameraService;
import org.rescuegrid.driver.onvif.CameraView;

/** Completes the ids of the configured cameras. */
@Service
public class CameraIdCompleter implements Completer {

    @Reference
    CameraService cameras;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (CameraView camera : cameras.cameras()) {
            delegate.getStrings().add(camera.cameraId());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
