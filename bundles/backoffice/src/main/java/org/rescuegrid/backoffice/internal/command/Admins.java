package org.rescuegrid.backoffice.internal.command;

import java.security.AccessController;
import java.security.Principal;
import java.util.List;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.backoffice.internal.Actor;

/**
 * The admin rule of the console: only users with the JAAS role {@value #ROLE} change procedures and rosters.
 * The check runs inside the command rather than in the command ACL, because an ACL refusal happens before
 * the command runs and leaves no audit record.
 */
final class Admins {

    static final String ROLE = "admin";

    /** Karaf's role principal, matched by name as JaasLogin does, so the bundle need not import Karaf's boot classes. */
    private static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    private Admins() {
    }

    /**
     * Returns the console user as the actor of a change, or records the refused attempt and throws.
     *
     * @throws SecurityException naming the user, the change and the role it needs
     */
    static Actor require(AuditLog audit, Session session, String action, List<String> targets, String change) {
        Actor actor = Actor.console(user(session));
        if (!hasRole(currentSubject(), ROLE)) {
            String reason = "only admins " + change + "; user " + actor.name() + " does not have the role " + ROLE;
            audit.record(actor.entry(action + "-rejected", targets, null, reason));
            throw new SecurityException(reason);
        }
        return actor;
    }

    static boolean hasRole(Subject subject, String role) {
        if (subject == null) {
            return false;
        }
        for (Principal principal : subject.getPrincipals()) {
            if (ROLE_PRINCIPAL.equals(principal.getClass().getName()) && role.equals(principal.getName())) {
                return true;
            }
        }
        return false;
    }

    // Subject.getSubject is deprecated for removal from Java 17 on, but Karaf 4.4's own command ACL reads the
    // console user's subject the same way, and Subject.current() needs Java 18.
    @SuppressWarnings("removal")
    private static Subject currentSubject() {
        return Subject.getSubject(AccessController.getContext());
    }

    private static String user(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "console" : user.toString();
    }
}
