package org.rescuegrid.api.audit;

import java.util.Locale;

/** Origin of an audited action. */
public enum AuditSource {
    /** A Karaf console command. */
    CONSOLE,
    /** A call to the node's REST API. */
    REST,
    /** A change of Config Admin configuration or of a configuration file. */
    CONFIG,
    /** A step the node took on its own, such as an arrival detected from GPS. */
    AUTOMATIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
