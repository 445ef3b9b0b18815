package org.rescuegrid.frontoffice.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.rescuegrid.frontoffice.VehicleType;

/** The driver behaviour configuration after validation; a rejected value is named with its PID, key and accepted form. */
record DrivingSettings(Map<VehicleType, Double> speedLimits, double noPatientLimitKmh, double harshBrakingMps2, double harshAccelerationMps2,
        Duration maxFixGap, Duration idleTime, double idleSpeedKmh) {

    static final String PID = "org.rescuegrid.frontoffice.driving";

    static DrivingSettings from(DrivingConfig config) {
        requireRange("noPatientLimitKmh", config.noPatientLimitKmh(), 10, 200);
        requireRange("harshBrakingMps2", config.harshBrakingMps2(), 1, 15);
        requireRange("harshAccelerationMps2", config.harshAccelerationMps2(), 1, 15);
        requireRange("maxFixGapSeconds", config.maxFixGapSeconds(), 1, 60);
        requireRange("idleMinutes", config.idleMinutes(), 1, 240);
        requireRange("idleSpeedKmh", config.idleSpeedKmh(), 0, 10);
        return new DrivingSettings(speedLimits(config.speedLimits()), config.noPatientLimitKmh(), config.harshBrakingMps2(),
                config.harshAccelerationMps2(), Duration.ofSeconds(config.maxFixGapSeconds()), Duration.ofMinutes(config.idleMinutes()),
                config.idleSpeedKmh());
    }

    private static Map<VehicleType, Double> speedLimits(String value) {
        String form = "TYPE=KMH for every vehicle type, 10-250 km/h, such as ambulance=100,fire=80,rescue=80,motorbike=80,water-rescue=70";
        Map<VehicleType, Double> limits = new EnumMap<>(VehicleType.class);
        for (String part : (value == null ? "" : value).split(",")) {
            String[] pair = part.split("=");
            try {
                double limit = Double.parseDouble(pair[1].strip());
                if (pair.length != 2 || !(limit >= 10 && limit <= 250)) {
                    throw invalid("speedLimits", value, form);
                }
                limits.put(VehicleType.parse(pair[0]), limit);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw invalid("speedLimits", value, form);
            }
        }
        if (limits.size() != VehicleType.values().length) {
            throw invalid("speedLimits", value, form);
        }
        return limits;
    }

    private static void requireRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw invalid(key, String.valueOf(value), "a number from " + min + " to " + max);
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
