package org.rescuegrid.devices.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses and checks the {@code assignments} configuration key. */
final class Assignments {

    /** Accepted form of device and vehicle ids, shared with the drivers' registration check. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Assignments() {
    }

    /**
     * Returns vehicle id by device id.
     *
     * @throws IllegalArgumentException naming the entry and the accepted form when an entry is invalid
     */
    static Map<String, String> parse(String[] entries) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : splitEntries(entries)) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int separator = trimmed.indexOf('=');
            if (separator < 0) {
                throw invalid(entry, "it has no '='");
            }
            String deviceId = trimmed.substring(0, separator).strip();
            String vehicleId = trimmed.substring(separator + 1).strip();
            if (!ID.matcher(deviceId).matches() || !ID.matcher(vehicleId).matches()) {
                throw invalid(entry, "ids must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
            }
            if (result.put(deviceId, vehicleId) != null) {
                throw invalid(entry, "device " + deviceId + " is assigned twice");
            }
        }
        return result;
    }

    /** Splits entries on commas too, because a .cfg file gives a list as one comma-separated string. */
    private static List<String> splitEntries(String[] entries) {
        List<String> result = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            result.addAll(Arrays.asList(entry.split(",")));
        }
        return result;
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException("org.rescuegrid.devices: assignments entry '" + entry + "' is invalid because "
                + reason + "; write DEVICE_ID=VEHICLE_ID, for example TRK-LHR-01=AMB-LHR-101");
    }
}
