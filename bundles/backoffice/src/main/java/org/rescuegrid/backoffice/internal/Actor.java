package org.rescuegrid.backoffice.internal;

import java.util.List;
import java.util.Objects;

import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditSource;

/**
 * The user and the source of a change, as its audit record names them.
 *
 * @param name user name, or a component name for changes read from files
 * @param remoteAddress client address of a REST call, or null
 */
public record Actor(String name, AuditSource source, String remoteAddress) {

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    public static Actor console(String name) {
        return new Actor(name, AuditSource.CONSOLE, null);
    }

    public AuditEntry entry(String action, List<String> targets, String before, String after) {
        return new AuditEntry(name, source, remoteAddress, action, targets, before, after);
    }
}
