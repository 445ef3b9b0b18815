package org.rescuegrid.backoffice.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.api.audit.AuditSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Config Admin events of {@code org.rescuegrid.*} PIDs into audit records that list the keys
 * added, changed and removed. Values of keys that look like secrets are shown as {@code ***}. Config Admin
 * does not say who made a change, so the actor is {@code config-admin}.
 */
final class ConfigurationAudit {

    static final String PREFIX = "org.rescuegrid.";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);
    private static final List<String> SECRET_WORDS = List.of("password", "token", "secret", "credential", "passphrase");
    private static final java.util.Set<String> IGNORED = java.util.Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");

    private final AuditLog audit;
    private final Map<String, Map<String, String>> known = new HashMap<>();

    ConfigurationAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Remembers the current values, so that the first change of each PID is recorded as a difference. */
    synchronized void snapshot(ConfigurationAdmin admin) {
        try {
            Configuration[] configurations = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + PREFIX + "*)");
            for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
                known.put(configuration.getPid(), values(configuration.getProperties()));
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Configurations could not be listed; the first change of each PID is recorded without its old values: {}", e.getMessage());
        }
    }

    synchronized void changed(ConfigurationEvent event, ConfigurationAdmin admin) {
        String pid = event.getPid();
        if (pid == null || !pid.startsWith(PREFIX)) {
            return;
        }
        Map<String, String> before = known.getOrDefault(pid, Map.of());
        Map<String, String> after;
        String action;
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            after = Map.of();
            action = "config-delete";
        } else if (event.getType() == ConfigurationEvent.CM_UPDATED) {
            try {
                Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
                after = found == null || found.length == 0 ? Map.of() : values(found[0].getProperties());
            } catch (IOException | InvalidSyntaxException e) {
                LOG.warn("pid={} changed but could not be read for the audit trail: {}", pid, e.getMessage());
                after = Map.of();
            }
            action = "config-update";
        } else {
            return;
        }
        if (after.equals(before) && event.getType() == ConfigurationEvent.CM_UPDATED) {
            return;
        }
        known.put(pid, after);
        if (after.isEmpty()) {
            known.remove(pid);
        }
        String[] summary = difference(before, after);
        List<String> targets = event.getFactoryPid() == null ? List.of(pid) : List.of(pid, event.getFactoryPid());
        audit.record(new AuditEntry("config-admin", AuditSource.CONFIG, null, action, targets, summary[0], summary[1]));
    }

    /** Returns the changed keys with their old values and with their new values, secrets masked. */
    static String[] difference(Map<String, String> before, Map<String, String> after) {
        StringBuilder old = new StringBuilder();
        StringBuilder now = new StringBuilder();
        for (String key : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            String a = before.get(key);
            String b = after.get(key);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (a != null) {
                old.append(old.isEmpty() ? "" : ", ").append(key).append('=').append(mask(key, a));
            }
            if (b != null) {
                now.append(now.isEmpty() ? "" : ", ").append(key).append('=').append(mask(key, b));
            }
        }
        return new String[] {old.isEmpty() ? null : old.toString(), now.isEmpty() ? null : now.toString()};
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static String mask(String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains) ? "***" : value;
    }

    private static Map<String, String> values(Dictionary<String, Object> properties) {
        Map<String, String> values = new TreeMap<>();
        if (properties == null) {
            return values;
        }
        for (String key : Collections.list(properties.keys())) {
            if (!IGNORED.contains(key)) {
                Object value = properties.get(key);
                values.put(key, value instanceof Object[] array ? String.join(",", java.util.Arrays.stream(array).map(String::valueOf).toList())
                        : String.valueOf(value));
            }
        }
        return values;
    }
}
