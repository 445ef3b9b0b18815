package org.rescuegrid.frontoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.api.audit.AuditSource;

/** Records a supervisor's or operator's console change in the node's audit log, where one is installed. */
final class Audit {

    private Audit() {
    }

    static void record(AuditLog audit, Session session, String action, List<String> targets, String before, String after) {
        if (audit != null) {
            audit.record(new AuditEntry(Users.current(session), AuditSource.CONSOLE, null, action, targets, before, after));
        }
    }
}
