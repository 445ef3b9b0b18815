package org.rescuegrid.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;

/** Completes vehicle ids, and the ids of devices on no vehicle. */
@Service
public class VehicleIdCompleter implements Completer {

    @Reference
    DeviceRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (DeviceInfo device : registry.list()) {
            ids.getStrings().add(device.vehicleId() != null ? device.vehicleId() : device.deviceId());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
