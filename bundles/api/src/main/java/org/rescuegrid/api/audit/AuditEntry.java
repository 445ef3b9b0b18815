package org.rescuegrid.api.audit;

import java.util.List;
import java.util.Objects;

/**
 * One action to audit.
 *
 * @param actor user name, or a component name for automatic and configuration changes
 * @param remoteAddress address the action came from, or null when not known (local console)
 * @param action what was done, a short lower-case name such as {@code incident-close}
 * @param targets ids of what it changed, such as an incident and a vehicle id
 * @param before summary of the state before, or null
 * @param after summary of the state after, or null
 */
public record AuditEntry(String actor, AuditSource source, String remoteAddress, String action, List<String> targets, String before,
        String after) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        targets = List.copyOf(targets);
    }
}
