package org.rescuegrid.bus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.config.ConfigProblem;

class BusSettingsTest {

    private static BusConfig config(String host, String port, String maxBody) {
        return new BusConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BusConfig.class;
            }

            @Override
            public String httpHost() {
                return host;
            }

            @Override
            public String httpPort() {
                return port;
            }

            @Override
            public String httpMaxBodyBytes() {
                return maxBody;
            }
        };
    }

    @Test
    void validValuesAreKept() {
        BusSettings.Resolved resolved = BusSettings.resolve(config("0.0.0.0", "9123", "65536"), BusSettings.DEFAULTS);

        assertEquals(new BusSettings("0.0.0.0", 9123, 65_536), resolved.settings());
        assertTrue(resolved.problems().isEmpty());
    }

    @Test
    void defaultsMatchConfigDefaults() {
        assertEquals(BusSettings.DEFAULTS, BusSettings.resolve(config("127.0.0.1", "8123", "8388608"), BusSettings.DEFAULTS).settings());
    }

    @Test
    void textBodyLimitKeepsPrevious() {
        BusSettings previous = new BusSettings("127.0.0.1", 9123, 1_000_000);

        BusSettings.Resolved resolved = BusSettings.resolve(config("127.0.0.1", "9123", "lots"), previous);

        assertEquals(previous, resolved.settings());
        assertEquals(List.of(new ConfigProblem("org.rescuegrid.bus", "httpMaxBodyBytes", "lots", "a whole number from 65536 to 268435456",
                "keeps httpMaxBodyBytes=1000000 from its previous or default settings")), resolved.problems());
    }

    @Test
    void badPortAndHostKeepPrevious() {
        BusSettings.Resolved resolved = BusSettings.resolve(config(" ", "70000", "65536"), BusSettings.DEFAULTS);

        assertEquals(new BusSettings("127.0.0.1", 8123, 65_536), resolved.settings());
        assertEquals(List.of("httpHost", "httpPort"), resolved.problems().stream().map(ConfigProblem::key).toList());
    }
}
