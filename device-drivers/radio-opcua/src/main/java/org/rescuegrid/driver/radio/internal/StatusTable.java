package org.rescuegrid.driver.radio.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Maps a gateway's numeric status codes to unit statuses, as configured per gateway. */
final class StatusTable {

    private final Map<Integer, UnitStatus> statuses;

    private StatusTable(Map<Integer, UnitStatus> statuses) {
        this.statuses = Map.copyOf(statuses);
    }

    /**
     * Parses CODE=STATUS entries; blank entries are ignored.
     *
     * @throws IllegalArgumentException naming the entry when a code is not a whole number, a status is unknown,
     *         a code appears twice or no entry is given
     */
    static StatusTable parse(String pid, String[] entries) {
        Map<Integer, UnitStatus> statuses = new TreeMap<>();
        for (String raw : entries == null ? new String[0] : entries) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int separator = entry.indexOf('=');
            if (separator < 1) {
                throw invalid(pid, entry, "CODE=STATUS such as 3=en-route");
            }
            int code;
            try {
                code = Integer.parseInt(entry.substring(0, separator).strip());
            } catch (NumberFormatException e) {
                throw invalid(pid, entry, "a whole number before '=', such as 3=en-route");
            }
            String label = entry.substring(separator + 1).strip();
            UnitStatus status = UnitStatus.fromLabel(label).orElseThrow(() -> invalid(pid, entry,
                    "one of available, dispatched, en-route, on-scene, at-hospital, out-of-service after '='"));
            if (statuses.put(code, status) != null) {
                throw invalid(pid, entry, "each code once");
            }
        }
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException(pid + ": statusCodes is empty; set at least one CODE=STATUS entry such as 1=available");
        }
        return new StatusTable(statuses);
    }

    Optional<UnitStatus> statusOf(int code) {
        return Optional.ofNullable(statuses.get(code));
    }

    int size() {
        return statuses.size();
    }

    private static IllegalArgumentException invalid(String pid, String entry, String expected) {
        return new IllegalArgumentException(pid + ": statusCodes entry '" + entry + "' is invalid; use " + expected);
    }
}
