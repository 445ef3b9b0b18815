package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every text key the page and its scripts use is in both message bundles. */
class MessageBundlesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final StaticResources resources = new StaticResources(MessageBundlesTest.class.getClassLoader());

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        assertEquals(keys("i18n/en.json"), keys("i18n/ur.json"));
    }

    @Test
    void usedKeysAreTranslated() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(used, "index.html", Pattern.compile("data-i18n=\"([A-Za-z0-9]+)\""));
        // Column headers: app.js writes one header cell per key of a table's data-columns.
        collect(used, "index.html", Pattern.compile("data-columns=\"([A-Za-z0-9 ]+)\""));
        collect(used, "app.js", Pattern.compile("\\bt\\('([A-Za-z0-9]+)'"));
        collect(used, "backoffice.js", Pattern.compile("\\bt\\('([A-Za-z0-9]+)'"));
        Set<String> urdu = keys("i18n/ur.json");

        for (String key : used) {
            assertTrue(keys("i18n/en.json").contains(key), "en.json lacks " + key);
            assertTrue(urdu.contains(key), "ur.json lacks " + key);
        }
        assertTrue(used.contains("auditBroken"), used.toString());
        assertTrue(used.contains("unknownToDistrict"), used.toString());
    }

    private Set<String> keys(String path) throws IOException {
        Set<String> keys = new TreeSet<>();
        MAPPER.readTree(text(path)).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private void collect(Set<String> keys, String path, Pattern pattern) {
        Matcher matcher = pattern.matcher(text(path));
        while (matcher.find()) {
            keys.addAll(List.of(matcher.group(1).split(" ")));
        }
    }

    private String text(String path) {
        return new String(resources.find(path).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }
}
