package org.rescuegrid.hq.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.hq.HqAuditService;

/** Completes the codes of the district nodes HQ has audit records of. */
@Service
public class AuditDistrictCompleter implements Completer {

    @Reference
    HqAuditService audit;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(audit.districts()).complete(session, commandLine, candidates);
    }
}
