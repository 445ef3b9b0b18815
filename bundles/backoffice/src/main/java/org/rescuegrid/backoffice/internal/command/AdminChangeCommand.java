package org.rescuegrid.backoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.backoffice.internal.Actor;
import org.rescuegrid.backoffice.internal.BackOffice;

/**
 * A back-office command that changes procedures or the roster and so needs the admin role. Karaf injects
 * the references of superclass fields as well, so subclasses declare only their arguments.
 */
abstract class AdminChangeCommand extends BackOfficeCommand {

    @Reference
    BackOffice backOffice;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    /** Returns the console user as the actor of the change, or records the refused attempt and throws SecurityException. */
    Actor requireAdmin(String action, List<String> targets, String change) {
        return Admins.require(audit, session, action, targets, change);
    }
}
