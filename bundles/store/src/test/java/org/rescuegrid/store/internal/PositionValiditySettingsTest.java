package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class PositionValiditySettingsTest {

    private static PositionValidityConfig config(int futureToleranceSeconds, int maxSpeedKmh) {
        return new PositionValidityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PositionValidityConfig.class;
            }

            @Override
            public int futureToleranceSeconds() {
                return futureToleranceSeconds;
            }

            @Override
            public int maxSpeedKmh() {
                return maxSpeedKmh;
            }
        };
    }

    @Test
    void validValuesAreKept() {
        PositionValiditySettings settings = PositionValiditySettings.from(config(120, 250));

        assertEquals(Duration.ofSeconds(120), settings.futureTolerance());
        assertEquals(250, settings.maxSpeedKmh());
    }

    @Test
    void defaultsMatchConfigDefaults() {
        assertEquals(PositionValiditySettings.DEFAULTS, PositionValiditySettings.from(config(300, 300)));
    }

    @Test
    void zeroToleranceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PositionValiditySettings.from(config(0, 300)));

        assertEquals("org.rescuegrid.store.positions: futureToleranceSeconds='0' is invalid; set a whole number from 1 to 86400",
                e.getMessage());
    }

    @Test
    void speedBelowRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PositionValiditySettings.from(config(300, 49)));

        assertEquals("org.rescuegrid.store.positions: maxSpeedKmh='49' is invalid; set a whole number from 50 to 2000", e.getMessage());
    }

    @Test
    void speedAboveRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PositionValiditySettings.from(config(300, 2001)));
    }
}
