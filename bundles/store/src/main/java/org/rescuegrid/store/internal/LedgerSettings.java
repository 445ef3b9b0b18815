package org.rescuegrid.store.internal;

import java.time.Duration;

/** The ledger's retention after validation; every rejected value is named with the accepted form. */
record LedgerSettings(int retentionDays, Duration purgeInterval) {

    static final String PID = "org.rescuegrid.store.ledger";

    static LedgerSettings from(LedgerConfig config) {
        requireRange("retentionDays", config.retentionDays(), 1, 3650);
        requireRange("purgeIntervalMinutes", config.purgeIntervalMinutes(), 1, 1440);
        return new LedgerSettings(config.retentionDays(), Duration.ofMinutes(config.purgeIntervalMinutes()));
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set a whole number from "
                    + min + " to " + max);
        }
    }
}
