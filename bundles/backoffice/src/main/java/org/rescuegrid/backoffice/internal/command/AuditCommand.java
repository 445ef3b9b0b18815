package org.rescuegrid.backoffice.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.backoffice.internal.AuditQuery;
import org.rescuegrid.backoffice.internal.AuditRecord;
import org.rescuegrid.backoffice.internal.AuditTrail;

@Command(scope = "rescue", name = "audit", description = "Lists audit records, newest last: who did what, when, from where, and what changed.")
@Service
public class AuditCommand extends BackOfficeCommand {

    @Option(name = "--from", description = "Start of the period, a date or an ISO-8601 UTC time.")
    String from;

    @Option(name = "--to", description = "End of the period (exclusive), a date or an ISO-8601 UTC time.")
    String to;

    @Option(name = "--actor", description = "User or component that acted.")
    String actor;

    @Option(name = "--action", description = "Action, for example incident-close, call-reclassify, incident-step or config-update.")
    String action;

    @Option(name = "--source", description = "console, rest, config or automatic.")
    @Completion(value = StringsCompleter.class, values = {"console", "rest", "config", "automatic"})
    String source;

    @Option(name = "--target", description = "An id the action changed, for example an incident, call, vehicle or PID.")
    String target;

    @Option(name = "--limit", description = "Newest records to show at most.")
    int limit = 50;

    @Reference
    AuditTrail audit;

    @Override
    protected Object run() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + " is invalid; give a positive number of records");
        }
        AuditSource parsedSource = null;
        if (source != null) {
            try {
                parsedSource = AuditSource.valueOf(source.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--source '" + source + "' is invalid; use console, rest, config or automatic", e);
            }
        }
        AuditQuery query = new AuditQuery(Format.instant("--from", from), Format.instant("--to", to), actor, action, parsedSource, target, limit);
        ShellTable table = new ShellTable();
        table.column("Seq").alignRight();
        table.column("Time (UTC)");
        table.column("Actor");
        table.column("Source");
        table.column("From");
        table.column("Action");
        table.column("Targets");
        table.column("Before").maxSize(40);
        table.column("After").maxSize(40);
        for (AuditRecord record : audit.find(query)) {
            table.addRow().addContent(record.seq(), Format.time(record.recordedAt()), record.actor(), record.source().label(),
                    Format.text(record.remoteAddress()), record.action(), String.join(",", record.targets()), Format.text(record.before()),
                    Format.text(record.after()));
        }
        table.print(System.out);
        return null;
    }
}
