package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.VehicleType;

/** Driving rules with the default limits: ambulance 100 km/h, 60 km/h without a patient, 3.5 and 3.0 m/s², 10 min idling. */
class DrivingRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T04:00:00Z");

    private final DrivingRules rules = new DrivingRules(DrivingSettings.from(config(Map.of())));

    @Test
    void speedingAndHarshFromFixes() {
        List<DrivingRules.Detection> found = new ArrayList<>();
        // 50 -> 70 km/h in 2 s is 2.78 m/s², 70 -> 95 is 3.47 m/s²: harsh from the 2 s fix on.
        double[][] run = {{0, 50}, {2, 70}, {4, 95}, {6, 105}, {8, 110}, {10, 98}, {12, 102}, {14, 80}, {16, 50}, {30, 0}};
        for (double[] point : run) {
            found.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, true, fix((long) point[0], point[1])));
        }

        assertEquals(List.of(
                new DrivingRules.Detection(DriverEventType.HARSH_ACCELERATION, T0.plusSeconds(2), 70.0, null, 3.47, false),
                new DrivingRules.Detection(DriverEventType.OVERSPEED, T0.plusSeconds(6), 105.0, 100.0, null, false),
                new DrivingRules.Detection(DriverEventType.OVERSPEED, T0.plusSeconds(12), 102.0, 100.0, null, false),
                // 80 -> 50 km/h in 2 s is -4.17 m/s²; 50 -> 0 in 14 s is beyond the 5 s gap and is not compared.
                new DrivingRules.Detection(DriverEventType.HARSH_BRAKING, T0.plusSeconds(14), 80.0, null, -4.17, false)), found);
    }

    @Test
    void speedingWithoutPatientOncePerEpisode() {
        List<DrivingRules.Detection> found = new ArrayList<>();
        found.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, false, fix(0, 55)));
        found.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, false, fix(10, 65)));
        found.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, false, fix(20, 70)));
        found.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, true, fix(30, 90)));
        found.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, false, fix(40, 61)));

        assertEquals(List.of(
                new DrivingRules.Detection(DriverEventType.SPEEDING_WITHOUT_PATIENT, T0.plusSeconds(10), 65.0, 60.0, null, false),
                new DrivingRules.Detection(DriverEventType.SPEEDING_WITHOUT_PATIENT, T0.plusSeconds(40), 61.0, 60.0, null, false)), found);
    }

    @Test
    void trackerHarshEventsReplaceDerivedOnes() {
        DeviceEvent braking = new DeviceEvent("TRK-1", DeviceEventTypes.HARSH_BRAKING, T0, Map.of("speedKmh", "48"));

        List<DrivingRules.Detection> reported = rules.deviceEvent("AMB-1", braking);
        List<DrivingRules.Detection> derived = new ArrayList<>();
        derived.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, true, fix(10, 90)));
        derived.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, true, fix(12, 40)));

        assertEquals(List.of(new DrivingRules.Detection(DriverEventType.HARSH_BRAKING, T0, 48.0, null, null, true)), reported);
        assertEquals(List.of(), derived);
    }

    @Test
    void longIdlingNeedsIgnitionOn() {
        List<DrivingRules.Detection> withoutIgnition = new ArrayList<>();
        for (int minute = 0; minute <= 12; minute++) {
            withoutIgnition.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, false, fix(minute * 60L, 0)));
        }
        rules.deviceEvent("AMB-1", new DeviceEvent("TRK-1", DeviceEventTypes.IGNITION_ON, T0.plusSeconds(13 * 60), Map.of()));
        List<DrivingRules.Detection> withIgnition = new ArrayList<>();
        for (int minute = 13; minute <= 30; minute++) {
            withIgnition.addAll(rules.fix("AMB-1", VehicleType.AMBULANCE, false, fix(minute * 60L, minute == 20 ? 2.5 : 0)));
        }

        assertEquals(List.of(), withoutIgnition);
        // 2.5 km/h is within the 3 km/h idle speed, so minute 20 does not restart the count.
        assertEquals(List.of(new DrivingRules.Detection(DriverEventType.LONG_IDLING, T0.plusSeconds(13 * 60), 0.0, null, 10.0, false)),
                withIgnition);
    }

    @Test
    void invalidLimitsRejected() {
        IllegalArgumentException missingType = assertThrows(IllegalArgumentException.class,
                () -> DrivingSettings.from(config(Map.of("speedLimits", "ambulance=100,fire=80"))));
        IllegalArgumentException braking = assertThrows(IllegalArgumentException.class,
                () -> DrivingSettings.from(config(Map.of("harshBrakingMps2", 0.5))));

        assertTrue(missingType.getMessage().startsWith("org.rescuegrid.frontoffice.driving: speedLimits='ambulance=100,fire=80' is invalid;"
                + " set TYPE=KMH for every vehicle type"), missingType.getMessage());
        assertEquals("org.rescuegrid.frontoffice.driving: harshBrakingMps2='0.5' is invalid; set a number from 1.0 to 15.0", braking.getMessage());
    }

    static DrivingConfig config(Map<String, Object> overrides) {
        return (DrivingConfig) Proxy.newProxyInstance(DrivingConfig.class.getClassLoader(), new Class<?>[] {DrivingConfig.class},
                (proxy, method, args) -> overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue());
    }

    private static PositionFix fix(long second, double speedKmh) {
        return new PositionFix("TRK-1", T0.plusSeconds(second), 31.5, 74.3, null, speedKmh, null, 8, 1.0, true);
    }
}
