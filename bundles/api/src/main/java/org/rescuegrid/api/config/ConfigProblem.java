package org.rescuegrid.api.config;

import java.util.Objects;

/**
 * One configuration value that a component rejected while it kept running, for example on its previous
 * settings. The component registers the record as an OSGi service of this type while the value stays
 * in place and unregisters it once the configuration is valid again, and {@code rescue:config-problems}
 * lists every registered record.
 *
 * @param pid         configuration PID, such as {@code org.rescuegrid.bus}
 * @param key         rejected key
 * @param value       rejected value as written in the configuration
 * @param expected    accepted form, such as "a whole number from 1 to 86400"
 * @param consequence what the component does instead, such as "keeps 300 from its previous configuration"
 */
public record ConfigProblem(String pid, String key, String value, String expected, String consequence) {

    public ConfigProblem {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(consequence, "consequence");
    }

    /** Returns the problem as one sentence naming the PID, key, value, accepted form and consequence. */
    public String sentence() {
        return pid + ": " + key + "='" + value + "' is invalid; set " + expected + ". The component " + consequence + ".";
    }
}
