package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.config.ConfigProblem;

class PositionValiditySettingsTest {

    private static PositionValidityConfig config(String futureToleranceSeconds, String maxSpeedKmh) {
        return new PositionValidityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PositionValidityConfig.class;
            }

            @Override
            public String futureToleranceSeconds() {
                return futureToleranceSeconds;
            }

            @Override
            public String maxSpeedKmh() {
                return maxSpeedKmh;
            }
        };
    }

    @Test
    void validValuesAreKept() {
        PositionValiditySettings.Resolved resolved = PositionValiditySettings.resolve(config("120", " 250 "), PositionValiditySettings.DEFAULTS);

        assertEquals(Duration.ofSeconds(120), resolved.settings().futureTolerance());
        assertEquals(250, resolved.settings().maxSpeedKmh());
        assertTrue(resolved.problems().isEmpty());
    }

    @Test
    void defaultsMatchConfigDefaults() {
        PositionValiditySettings previous = new PositionValiditySettings(Duration.ofSeconds(5), 60);

        assertEquals(PositionValiditySettings.DEFAULTS, PositionValiditySettings.resolve(config("300", "300"), previous).settings());
    }

    @Test
    void zeroToleranceKeepsPrevious() {
        PositionValiditySettings previous = new PositionValiditySettings(Duration.ofSeconds(120), 250);

        PositionValiditySettings.Resolved resolved = PositionValiditySettings.resolve(config("0", "400"), previous);

        assertEquals(new PositionValiditySettings(Duration.ofSeconds(120), 400), resolved.settings());
        assertEquals(List.of(new ConfigProblem("org.rescuegrid.store.positions", "futureToleranceSeconds", "0",
                "a whole number from 1 to 86400", "keeps futureToleranceSeconds=120 from its previous or default settings")),
                resolved.problems());
    }

    @Test
    void speedOutsideRangeKeepsPrevious() {
        assertEquals(300, PositionValiditySettings.resolve(config("300", "49"), PositionValiditySettings.DEFAULTS).settings().maxSpeedKmh());
        assertEquals(300, PositionValiditySettings.resolve(config("300", "2001"), PositionValiditySettings.DEFAULTS).settings().maxSpeedKmh());
    }

    @Test
    void textInsteadOfNumberNamesKey() {
        PositionValiditySettings.Resolved resolved = PositionValiditySettings.resolve(config("-10", "fast"), PositionValiditySettings.DEFAULTS);

        assertEquals(PositionValiditySettings.DEFAULTS, resolved.settings());
        assertEquals(2, resolved.problems().size());
        assertEquals("org.rescuegrid.store.positions: maxSpeedKmh='fast' is invalid; set a whole number from 50 to 2000."
                + " The component keeps maxSpeedKmh=300 from its previous or default settings.", resolved.problems().get(1).sentence());
    }

    @Test
    void storeStartsOnDefaultsWhenConfigInvalid() {
        DerbyPositionStore store = new DerbyPositionStore(null, null, config("-10", "fast"));

        assertEquals(PositionValiditySettings.DEFAULTS, store.settings());
    }

    @Test
    void storeKeepsPreviousSettingsOnInvalidChange() {
        DerbyPositionStore store = new DerbyPositionStore(null, null, config("120", "250"));

        store.modified(config("-10", "fast"));

        assertEquals(new PositionValiditySettings(Duration.ofSeconds(120), 250), store.settings());
    }
}
