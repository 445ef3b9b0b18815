package org.rescuegrid.driver.nmea.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NmeaDriverSettingsTest {

    private static final TestNmeaDriverConfig DEFAULTS = TestNmeaDriverConfig.defaults();

    @Test
    void defaultsUseRegistration() {
        NmeaDriverSettings settings = NmeaDriverSettings.from(DEFAULTS);

        assertFalse(settings.identifiedByPort());
        assertNull(settings.fixedDeviceId());
        assertEquals("$RGREG,", settings.registrationPrefix());
        assertEquals("tcp://127.0.0.1:5010", settings.endpoint());
        assertEquals(512, settings.maxFrameLength());
        assertEquals(120, settings.idleTimeoutSeconds());
    }

    @Test
    void portModeUsesFixedId() {
        NmeaDriverSettings settings = NmeaDriverSettings.from(TestNmeaDriverConfig.port(" TRK-LHR-01 ").withIdentification(" port "));

        assertTrue(settings.identifiedByPort());
        assertEquals("TRK-LHR-01", settings.fixedDeviceId());
        assertNull(settings.registrationPrefix());
    }

    @Test
    void hostStripped() {
        assertEquals("tcp://0.0.0.0:5010", NmeaDriverSettings.from(DEFAULTS.withHost(" 0.0.0.0 ")).endpoint());
    }

    @Test
    void rangeLimitsAccepted() {
        NmeaDriverSettings low = NmeaDriverSettings.from(DEFAULTS.withPort(1).withMaxFrameLength(82).withIdleTimeoutSeconds(5));
        NmeaDriverSettings high = NmeaDriverSettings.from(DEFAULTS.withPort(65535).withMaxFrameLength(65536).withIdleTimeoutSeconds(86400));

        assertEquals(82, low.maxFrameLength());
        assertEquals(65536, high.maxFrameLength());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(DEFAULTS.withHost(" "), "host", ""),
                Arguments.of(DEFAULTS.withHost(null), "host", ""),
                Arguments.of(DEFAULTS.withPort(0), "port", "0"),
                Arguments.of(DEFAULTS.withPort(65536), "port", "65536"),
                Arguments.of(DEFAULTS.withMaxFrameLength(81), "maxFrameLength", "81"),
                Arguments.of(DEFAULTS.withMaxFrameLength(65537), "maxFrameLength", "65537"),
                Arguments.of(DEFAULTS.withIdleTimeoutSeconds(4), "idleTimeoutSeconds", "4"),
                Arguments.of(DEFAULTS.withIdleTimeoutSeconds(86401), "idleTimeoutSeconds", "86401"),
                Arguments.of(DEFAULTS.withIdentification("serial"), "identification", "serial"),
                Arguments.of(DEFAULTS.withIdentification(null), "identification", ""),
                Arguments.of(TestNmeaDriverConfig.port(""), "deviceId", ""),
                Arguments.of(TestNmeaDriverConfig.port("TRK LHR 01"), "deviceId", "TRK LHR 01"),
                Arguments.of(TestNmeaDriverConfig.port("T".repeat(65)), "deviceId", "T".repeat(65)),
                Arguments.of(DEFAULTS.withRegistrationPrefix(" "), "registrationPrefix", " "),
                Arguments.of(DEFAULTS.withRegistrationPrefix(null), "registrationPrefix", "null"));
    }

    @ParameterizedTest(name = "{1}=''{2}''")
    @MethodSource("invalidValues")
    void invalidValueNamed(TestNmeaDriverConfig config, String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NmeaDriverSettings.from(config));

        assertTrue(e.getMessage().startsWith("org.rescuegrid.driver.nmea: "), e.getMessage());
        assertTrue(e.getMessage().contains(key + "='" + value + "' is invalid"), e.getMessage());
    }

    @Test
    void deviceIdIgnoredInRegistrationMode() {
        NmeaDriverSettings settings = NmeaDriverSettings.from(DEFAULTS.withDeviceId("not a valid id"));

        assertFalse(settings.identifiedByPort());
    }
}
