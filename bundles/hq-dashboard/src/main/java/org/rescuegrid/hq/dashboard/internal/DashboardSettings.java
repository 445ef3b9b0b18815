package org.rescuegrid.hq.dashboard.internal;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The dashboard configuration after validation; every rejected value is named with the form expected. */
record DashboardSettings(String tileUrl, String tileAttribution, Duration staleAfter, Duration silentDevice,
        Duration session, String realm, String viewerRole, String adminRole) {

    static final String PID = "org.rescuegrid.hq.dashboard";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The defaults of {@link DashboardConfig}, so that they are written in one place. */
    private static final DashboardConfig DEFAULTS = (DashboardConfig) Proxy.newProxyInstance(DashboardConfig.class.getClassLoader(),
            new Class<?>[] {DashboardConfig.class}, (proxy, method, args) -> method.getDefaultValue());

    /**
     * Reads the raw Config Admin properties. Numbers are parsed here rather than by Declarative Services,
     * whose conversion error names neither the key nor the accepted form.
     */
    static DashboardSettings from(Map<String, Object> properties) {
        return validated(text(properties, "tileUrl", DEFAULTS.tileUrl()),
                text(properties, "tileAttribution", DEFAULTS.tileAttribution()),
                number(properties, "staleAfterSeconds", DEFAULTS.staleAfterSeconds()),
                number(properties, "silentDeviceMinutes", DEFAULTS.silentDeviceMinutes()),
                number(properties, "sessionMinutes", DEFAULTS.sessionMinutes()),
                text(properties, "realm", DEFAULTS.realm()),
                text(properties, "viewerRole", DEFAULTS.viewerRole()),
                text(properties, "adminRole", DEFAULTS.adminRole()));
    }

    static DashboardSettings from(DashboardConfig config) {
        return validated(config.tileUrl(), config.tileAttribution(), config.staleAfterSeconds(), config.silentDeviceMinutes(),
                config.sessionMinutes(), config.realm(), config.viewerRole(), config.adminRole());
    }

    private static DashboardSettings validated(String tileUrlValue, String attribution, int staleAfterSeconds, int silentDeviceMinutes,
            int sessionMinutes, String realmValue, String viewerValue, String adminValue) {
        String tileUrl = tileUrlValue == null ? "" : tileUrlValue.strip();
        if (!tileUrl.isEmpty()) {
            String lower = tileUrl.toLowerCase(Locale.ROOT);
            boolean web = lower.startsWith("http://") || lower.startsWith("https://") || tileUrl.startsWith("/");
            if (!web || !tileUrl.contains("{z}") || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
                throw invalid("tileUrl", tileUrl, "an http(s) URL template with {z}, {x} and {y}, or nothing for the offline map");
            }
        }
        requireRange("staleAfterSeconds", staleAfterSeconds, 10, 86_400);
        requireRange("silentDeviceMinutes", silentDeviceMinutes, 1, 10_080);
        requireRange("sessionMinutes", sessionMinutes, 5, 1_440);
        String realm = requireName("realm", realmValue);
        String viewer = requireName("viewerRole", viewerValue);
        String admin = requireName("adminRole", adminValue);
        return new DashboardSettings(tileUrl, attribution == null ? "" : attribution.strip(), Duration.ofSeconds(staleAfterSeconds),
                Duration.ofMinutes(silentDeviceMinutes), Duration.ofMinutes(sessionMinutes), realm, viewer, admin);
    }

    private static String text(Map<String, Object> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : value.toString();
    }

    private static int number(Map<String, Object> properties, String key, int fallback) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw invalid(key, value.toString(), "a whole number such as " + fallback);
        }
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
