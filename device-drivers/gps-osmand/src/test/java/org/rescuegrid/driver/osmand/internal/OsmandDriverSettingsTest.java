package org.rescuegrid.driver.osmand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class OsmandDriverSettingsTest {

    @Test
    void defaultPathAccepted() {
        assertEquals("/osmand", OsmandDriverSettings.from(config("/osmand", 65536)).path());
    }

    @Test
    void nestedPathAccepted() {
        assertEquals("/trackers/osmand-v1", OsmandDriverSettings.from(config(" /trackers/osmand-v1 ", 65536)).path());
    }

    @Test
    void pathWithoutSlashRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OsmandDriverSettings.from(config("osmand", 65536)));
        assertEquals("org.rescuegrid.driver.osmand: path='osmand' is invalid; set a path such as /osmand: segments of letters, digits,"
                + " '.', '_' or '-', each after a '/'", e.getMessage());
    }

    @Test
    void smallBodyLimitRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OsmandDriverSettings.from(config("/osmand", 10)));
        assertEquals("org.rescuegrid.driver.osmand: maxBodyBytes='10' is invalid; set a whole number from 256 to 1048576", e.getMessage());
    }

    private static OsmandDriverConfig config(String path, int maxBodyBytes) {
        return new OsmandDriverConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OsmandDriverConfig.class;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public int maxBodyBytes() {
                return maxBodyBytes;
            }
        };
    }
}
