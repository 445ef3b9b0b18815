package org.rescuegrid.driver.radio.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of the radios on this node's gateways. */
@Service
public class RadioIdCompleter implements Completer {

    @Reference
    GatewayDirectory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (RadioSnapshot radio : directory.radios()) {
            ids.getStrings().add(radio.radioId());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
