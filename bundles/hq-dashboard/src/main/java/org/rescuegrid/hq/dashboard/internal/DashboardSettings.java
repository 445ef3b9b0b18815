package org.rescuegrid.hq.dashboard.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** The dashboard configuration after validation; every rejected value is named with the form expected. */
record DashboardSettings(String tileUrl, String tileAttribution, Duration staleAfter, Duration silentDevice,
        Duration session, String realm, String viewerRole, String adminRole) {

    static final String PID = "org.rescuegrid.hq.dashboard";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static DashboardSettings from(DashboardConfig config) {
        String tileUrl = config.tileUrl() == null ? "" : config.tileUrl().strip();
        if (!tileUrl.isEmpty()) {
            String lower = tileUrl.toLowerCase(Locale.ROOT);
            boolean web = lower.startsWith("http://") || lower.startsWith("https://") || tileUrl.startsWith("/");
            if (!web || !tileUrl.contains("{z}") || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
                throw invalid("tileUrl", tileUrl, "an http(s) URL template with {z}, {x} and {y}, or nothing for the offline map");
            }
        }
        requireRange("staleAfterSeconds", config.staleAfterSeconds(), 10, 86_400);
        requireRange("silentDeviceMinutes", config.silentDeviceMinutes(), 1, 10_080);
        requireRange("sessionMinutes", config.sessionMinutes(), 5, 1_440);
        String realm = requireName("realm", config.realm());
        String viewer = requireName("viewerRole", config.viewerRole());
        String admin = requireName("adminRole", config.adminRole());
        return new DashboardSettings(tileUrl, config.tileAttribution() == null ? "" : config.tileAttribution().strip(),
                Duration.ofSeconds(config.staleAfterSeconds()), Duration.ofMinutes(config.silentDeviceMinutes()),
                Duration.ofMinutes(config.sessionMinutes()), realm, viewer, admin);
    }

    private static String requireName(String key, String value) {
        String stripped = value == null ? "" : value.strip();
        if (!NAME.matcher(stripped).matches()) {
            throw invalid(key, stripped, "1-64 letters, digits, '.', '_' or '-'");
        }
        return stripped;
    }

    private static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(key, String.valueOf(value), "a whole number from " + min + " to " + max);
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
