package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    @Test
    void defaultsGiveTheOfflineMap() {
        DashboardSettings settings = DashboardSettings.from(config("", 60, "hq-viewer"));
        assertEquals("", settings.tileUrl());
        assertEquals(Duration.ofSeconds(60), settings.staleAfter());
        assertEquals("hq-viewer", settings.viewerRole());
    }

    @Test
    void tileUrlWithoutPlaceholdersRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DashboardSettings.from(config("https://tiles.example.org/map.png", 60, "hq-viewer")));
        assertEquals("org.rescuegrid.hq.dashboard: tileUrl='https://tiles.example.org/map.png' is invalid; set an http(s) URL"
                + " template with {z}, {x} and {y}, or nothing for the offline map", e.getMessage());
    }

    @Test
    void staleLimitAndRoleAreChecked() {
        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class, () -> DashboardSettings.from(config("", 5, "hq-viewer")));
        assertEquals("org.rescuegrid.hq.dashboard: staleAfterSeconds='5' is invalid; set a whole number from 10 to 86400", stale.getMessage());
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class, () -> DashboardSettings.from(config("", 60, "hq viewer")));
        assertEquals("org.rescuegrid.hq.dashboard: viewerRole='hq viewer' is invalid; set 1-64 letters, digits, '.', '_' or '-'", role.getMessage());
    }

    @Test
    void wordWhereNumberBelongsNamesKeyAndForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DashboardSettings.from(Map.of("staleAfterSeconds", "sixty")));
        assertEquals("org.rescuegrid.hq.dashboard: staleAfterSeconds='sixty' is invalid; set a whole number such as 60", e.getMessage());
    }

    @Test
    void unsetKeysKeepTheirDefaults() {
        DashboardSettings settings = DashboardSettings.from(Map.of("staleAfterSeconds", "120"));
        assertEquals(Duration.ofSeconds(120), settings.staleAfter());
        assertEquals(Duration.ofMinutes(15), settings.silentDevice());
        assertEquals("karaf", settings.realm());
        assertEquals("hq-admin", settings.adminRole());
    }

    private static DashboardConfig config(String tileUrl, int staleAfterSeconds, String viewerRole) {
        return new DashboardConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DashboardConfig.class; }
            @Override public String tileUrl() { return tileUrl; }
            @Override public String tileAttribution() { return ""; }
            @Override public int staleAfterSeconds() { return staleAfterSeconds; }
            @Override public int silentDeviceMinutes() { return 15; }
            @Override public int sessionMinutes() { return 480; }
            @Override public String realm() { return "karaf"; }
            @Override public String viewerRole() { return viewerRole; }
            @Override public String adminRole() { return "hq-admin"; }
        };
    }
}
