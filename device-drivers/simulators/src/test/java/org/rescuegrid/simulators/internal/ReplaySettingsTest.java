package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplaySettingsTest {

    @Test
    void defaultsAreValid() {
        ReplaySettings settings = ReplaySettings.from(TestConfigs.defaults().build(), Fixtures.catalog());

        assertEquals("127.0.0.1", settings.host);
        assertEquals(5010, settings.port);
        assertEquals(1.0, settings.speedup);
        assertEquals("$RGREG,", settings.registrationPrefix);
        assertTrue(settings.loop);
        assertEquals(List.of("TRK-LHR-01", "AMB-LHR-02", "FIRE-KHI-01", "RSQ-ISB-01"), settings.deviceIds());
        for (ReplaySettings.Vehicle vehicle : settings.vehicles) {
            assertTrue(vehicle.relocated, vehicle.deviceId + " is relocated by default");
        }
    }

    @Test
    void relocatedVehicleStartsAtTarget() {
        NmeaReplayConfig config = TestConfigs.defaults()
                .set("vehicles", new String[] {"TRK-LHR-01=quectel-L70.log", "TRK-CGY-01=quectel-L70.log"})
                .set("relocate", new String[] {" TRK-LHR-01 = 31.5204 , 74.3587 ", ""})
                .build();
        ReplaySettings settings = ReplaySettings.from(config, Fixtures.catalog());

        String lahore = ReplayScript.text(settings.vehicles.get(0).script.epochs().get(0).lines().get(1));
        String calgary = ReplayScript.text(settings.vehicles.get(1).script.epochs().get(0).lines().get(1));
        assertTrue(lahore.contains(",3131.2240,N,07421.5220,E,"), lahore);
        assertTrue(calgary.contains(",5104.0859,N,11405.7387,W,"), calgary);
        assertFalse(settings.vehicles.get(1).relocated);
    }

    @Test
    void trackerKindsFromTheirKeys() {
        ReplaySettings settings = ReplaySettings.from(TestConfigs.defaults()
                .set("vehicles", new String[] {"TRK-LHR-01=quectel-L70.log"})
                .set("relocate", new String[0])
                .set("gt06Vehicles", new String[] {"868683020000001=tn204.log"})
                .set("teltonikaVehicles", new String[] {"352093081000011=tn204.log"})
                .set("teltonikaExtendedVehicles", new String[] {"35209308100001299=tn204.log"})
                .set("teltonikaRelocate", new String[] {"352093081000011=24.8732,67.0356", "35209308100001299=33.7077,73.0498"})
                .set("osmandVehicles", new String[] {"CREW-LHR-07=tn204.log"})
                .build(), Fixtures.catalog());

        assertEquals(5, settings.vehicles.size());
        assertEquals(TrackerKind.NMEA, settings.vehicles.get(0).kind);
        assertEquals(TrackerKind.GT06, settings.vehicles.get(1).kind);
        assertEquals(TrackerKind.TELTONIKA_8, settings.vehicles.get(2).kind);
        assertEquals(TrackerKind.TELTONIKA_8E, settings.vehicles.get(3).kind);
        assertEquals(TrackerKind.OSMAND, settings.vehicles.get(4).kind);
        assertTrue(settings.vehicles.get(2).relocated);
        assertTrue(settings.vehicles.get(3).relocated);
        assertFalse(settings.vehicles.get(4).relocated);
        assertEquals(5027, settings.teltonikaPort);
        assertEquals(8123, settings.osmandPort);
        assertEquals("/osmand", settings.osmandPath);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("vehicles", new String[] {"TRK-LHR-01"}, "TRK-LHR-01", "'=' is missing"),
                Arguments.of("vehicles", new String[] {"TRK-LHR-01=nowhere.log"}, "nowhere.log", "not found"),
                Arguments.of("vehicles", new String[] {"TRK LHR=quectel-L70.log"}, "TRK LHR", "device id"),
                Arguments.of("vehicles", new String[] {"=quectel-L70.log"}, "=quectel-L70.log", "device id"),
                Arguments.of("vehicles", new String[] {"X".repeat(65) + "=quectel-L70.log"}, "X".repeat(65), "1 to 64"),
                Arguments.of("vehicles", new String[] {"A=tn204.log", "A=mtk-3301.log"}, "A=mtk-3301.log", "twice"),
                Arguments.of("vehicles", new String[] {"A=../COPYING.gpsd"}, "../COPYING.gpsd", "not found"),
                Arguments.of("vehicles", new String[] {" "}, "vehicles is empty", "at least one"),
                Arguments.of("speedup", 0.05, "0.05", "between 0.1 and 1000"),
                Arguments.of("speedup", 1000.5, "1000.5", "between 0.1 and 1000"),
                Arguments.of("speedup", Double.NaN, "NaN", "between 0.1 and 1000"),
                Arguments.of("port", 0, "\"0\"", "between 1 and 65535"),
                Arguments.of("port", 65536, "65536", "between 1 and 65535"),
                Arguments.of("host", " ", "host value \" \"", "host name"),
                Arguments.of("registrationPrefix", "", "registrationPrefix value \"\"", "non-empty"),
                Arguments.of("registrationPrefix", "$RG\r\n", "$RG\\r\\n", "line breaks"),
                Arguments.of("relocate", new String[] {"TRK-LHR-01:31.5,74.3"}, "TRK-LHR-01:31.5,74.3", "'=' is missing"),
                Arguments.of("relocate", new String[] {"TRK-XXX-01=31.5,74.3"}, "TRK-XXX-01", "not in vehicles"),
                Arguments.of("relocate", new String[] {"TRK-LHR-01=31.5"}, "TRK-LHR-01=31.5", "two numbers"),
                Arguments.of("relocate", new String[] {"TRK-LHR-01=91,74.3"}, "91", "out of range"),
                Arguments.of("relocate", new String[] {"TRK-LHR-01=31.5,-180.01"}, "-180.01", "out of range"),
                Arguments.of("relocate", new String[] {"TRK-LHR-01=north,74.3"}, "north", "not a decimal number"),
                Arguments.of("relocate", new String[] {"TRK-LHR-01=31,74", "TRK-LHR-01=32,75"}, "TRK-LHR-01=32,75", "twice"),
                Arguments.of("teltonikaVehicles", new String[] {"35209308100=tn204.log"}, "35209308100", "15 to 17 digits"),
                Arguments.of("teltonikaVehicles", new String[] {"TRK-LHR-01=tn204.log"}, "TRK-LHR-01", "15 to 17 digits"),
                Arguments.of("teltonikaExtendedVehicles", new String[] {"352093081000001"}, "352093081000001", "'=' is missing"),
                Arguments.of("teltonikaRelocate", new String[] {"352093081000009=31.5,74.3"}, "352093081000009",
                        "not in teltonikaVehicles or teltonikaExtendedVehicles"),
                Arguments.of("teltonikaPort", 0, "\"0\"", "between 1 and 65535"),
                Arguments.of("osmandVehicles", new String[] {"TRK-LHR-01=tn204.log"}, "TRK-LHR-01", "twice"),
                Arguments.of("osmandVehicles", new String[] {"CREW 1=tn204.log"}, "CREW 1", "1 to 64"),
                Arguments.of("osmandRelocate", new String[] {"CREW-9=31.5,74.3"}, "CREW-9", "not in osmandVehicles"),
                Arguments.of("osmandPort", 70000, "70000", "between 1 and 65535"),
                Arguments.of("osmandPath", "osmand", "osmandPath value \"osmand\"", "starting with '/'"));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("invalidValues")
    void invalidValueIsRejectedWithItsName(String key, Object value, String expectedValueText, String expectedReason) {
        NmeaReplayConfig config = TestConfigs.defaults()
                .set("vehicles", new String[] {"TRK-LHR-01=quectel-L70.log"})
                .set("relocate", new String[0])
                .set(key, value)
                .build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplaySettings.from(config, Fixtures.catalog()));

        assertTrue(e.getMessage().startsWith(ReplaySettings.PID + ": " + key), e.getMessage());
        assertTrue(e.getMessage().contains(expectedValueText), e.getMessage());
        assertTrue(e.getMessage().contains(expectedReason), e.getMessage());
    }

    @Test
    void unknownLogMessageListsBundledLogs() {
        NmeaReplayConfig config = TestConfigs.defaults()
                .set("vehicles", new String[] {"TRK-LHR-01=quectel-l70.log"})
                .set("relocate", new String[0])
                .build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplaySettings.from(config, Fixtures.catalog()));

        assertTrue(e.getMessage().contains("DEVICE_ID=LOGFILE"), e.getMessage());
        assertTrue(e.getMessage().contains("quectel-L70.log"), e.getMessage());
        assertTrue(e.getMessage().contains("navisys-gr701w.log"), e.getMessage());
    }

    @Test
    void relocatingLogWithoutFixIsRejected() {
        NmeaReplayConfig config = TestConfigs.defaults()
                .set("vehicles", new String[] {"UBX-01=navisys-gr701w.log"})
                .set("relocate", new String[] {"UBX-01=31.5204,74.3587"})
                .build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplaySettings.from(config, Fixtures.catalog()));

        assertTrue(e.getMessage().contains("UBX-01=31.5204,74.3587"), e.getMessage());
        assertTrue(e.getMessage().contains("no valid GGA, RMC, GLL or GNS fix"), e.getMessage());
    }
}
