package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StaticResourcesTest {

    private final StaticResources resources = new StaticResources(StaticResourcesTest.class.getClassLoader());

    @Test
    void rootServesThePage() {
        StaticResources.Resource page = resources.find("").orElseThrow();
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertTrue(new String(page.bytes(), StandardCharsets.UTF_8).contains("<div id=\"map\">"));
        assertFalse(page.library());
    }

    @Test
    void librariesComeFromTheEmbeddedWebJars() {
        StaticResources.Resource leaflet = resources.find("lib/leaflet/leaflet.js").orElseThrow();
        assertEquals("text/javascript; charset=utf-8", leaflet.contentType());
        assertTrue(leaflet.library());
        assertTrue(resources.find("lib/chart.js/chart.umd.js").isPresent());
        assertTrue(resources.find("lib/leaflet/images/marker-icon.png").isPresent());
    }

    @Test
    void bothLanguagesAreServed() {
        String urdu = new String(resources.find("i18n/ur.json").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(urdu.contains("\"dir\": \"rtl\""));
        assertTrue(resources.find("i18n/en.json").isPresent());
    }

    @Test
    void pathsOutsideTheDashboardAreNotLookedUp() {
        assertTrue(resources.find("../dashboard/index.html").isEmpty());
        assertTrue(resources.find("lib/../../META-INF/MANIFEST.MF").isEmpty());
        assertTrue(resources.find("lib/unknown/x.js").isEmpty());
        assertTrue(resources.find("libraries.properties").isEmpty(), "only web file types are served");
        assertTrue(resources.find("/etc/passwd").isEmpty());
    }
}
