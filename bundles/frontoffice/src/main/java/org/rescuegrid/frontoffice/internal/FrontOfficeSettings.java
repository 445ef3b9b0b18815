package org.rescuegrid.frontoffice.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.rescuegrid.frontoffice.Shift;

/** The front office configuration after validation; a rejected value is named with its PID, key and accepted form. */
record FrontOfficeSettings(Path vehiclesFile, Path gazetteerFile, double duplicateDistanceMeters, Duration duplicateWindow,
        int nuisanceThreshold, Duration nuisanceLookback, double arrivalRadiusMeters, Duration arrivalDwell, double leaveRadiusMeters,
        Duration leaveDwell, double siteRadiusMeters, double recommendationRadiusMeters, double roadFactor, double minSpeedKmh, double defaultSpeedKmh,
        Duration trafficWindow, Duration maxPositionAge, Duration responseWarning, Duration responseTarget, Duration clockCheck,
        Path districtsFile, String defaultDistrict, List<Shift> shifts, ZoneId timeZone,
        Duration kpiReportDelay, double trafficFreeFlowKmh, Duration trafficHistory) {

    static final String PID = "org.rescuegrid.frontoffice";

    static FrontOfficeSettings from(FrontOfficeConfig config, Path etc) {
        requireRange("duplicateDistanceMeters", config.duplicateDistanceMeters(), 0, 50_000);
        requireRange("duplicateWindowMinutes", config.duplicateWindowMinutes(), 0, 1440);
        requireRange("nuisanceThreshold", config.nuisanceThreshold(), 1, 1000);
        requireRange("nuisanceLookbackDays", config.nuisanceLookbackDays(), 1, 365);
        requireRange("arrivalRadiusMeters", config.arrivalRadiusMeters(), 10, 5000);
        requireRange("arrivalDwellSeconds", config.arrivalDwellSeconds(), 0, 3600);
        requireRange("leaveRadiusMeters", config.leaveRadiusMeters(), config.arrivalRadiusMeters(), 20_000);
        requireRange("leaveDwellSeconds", config.leaveDwellSeconds(), 0, 3600);
        requireRange("siteRadiusMeters", config.siteRadiusMeters(), 10, 5000);
        requireRange("recommendationRadiusKm", config.recommendationRadiusKm(), 1, 1000);
        requireRange("roadFactor", config.roadFactor(), 1.0, 3.0);
        requireRange("minSpeedKmh", config.minSpeedKmh(), 1, 200);
        requireRange("defaultSpeedKmh", config.defaultSpeedKmh(), config.minSpeedKmh(), 200);
        requireRange("trafficWindowMinutes", config.trafficWindowMinutes(), 1, 1440);
        requireRange("maxPositionAgeMinutes", config.maxPositionAgeMinutes(), 1, 1440);
        requireRange("responseWarningSeconds", config.responseWarningSeconds(), 10, 86_400);
        requireRange("responseTargetSeconds", config.responseTargetSeconds(), 10, 86_400);
        requireRange("clockCheckSeconds", config.clockCheckSeconds(), 1, 60);
        requireRange("kpiReportDelayHours", config.kpiReportDelayHours(), 0, 24);
        requireRange("trafficFreeFlowKmh", config.trafficFreeFlowKmh(), 10, 200);
        requireRange("trafficHistoryDays", config.trafficHistoryDays(), 1, 60);
        if (config.defaultDistrict() == null || config.defaultDistrict().isBlank() || config.defaultDistrict().contains(",")) {
            throw invalid("defaultDistrict", String.valueOf(config.defaultDistrict()), "a district name without commas");
        }

        return new FrontOfficeSettings(resolve("vehiclesFile", config.vehiclesFile(), etc), resolve("gazetteerFile", config.gazetteerFile(), etc),
                config.duplicateDistanceMeters(), Duration.ofMinutes(config.duplicateWindowMinutes()), config.nuisanceThreshold(),
                Duration.ofDays(config.nuisanceLookbackDays()), config.arrivalRadiusMeters(), Duration.ofSeconds(config.arrivalDwellSeconds()),
                config.leaveRadiusMeters(), Duration.ofSeconds(config.leaveDwellSeconds()), config.siteRadiusMeters(),
                config.recommendationRadiusKm() * 1000.0, config.roadFactor(),
                config.minSpeedKmh(), config.defaultSpeedKmh(), Duration.ofMinutes(config.trafficWindowMinutes()),
                Duration.ofMinutes(config.maxPositionAgeMinutes()), Duration.ofSeconds(config.responseWarningSeconds()),
                Duration.ofSeconds(config.responseTargetSeconds()), Duration.ofSeconds(config.clockCheckSeconds()),
                resolve("districtsFile", config.districtsFile(), etc), config.defaultDistrict().strip(), Shifts.parse("shifts", config.shifts()),
                Shifts.zone("timeZone", config.timeZone()), Duration.ofHours(config.kpiReportDelayHours()), config.trafficFreeFlowKmh(),
                Duration.ofDays(config.trafficHistoryDays()));
    }

    private static Path resolve(String key, String value, Path etc) {
        if (value == null || value.isBlank()) {
            throw invalid(key, String.valueOf(value), "a file path, absolute or relative to the etc folder");
        }
        Path path = Path.of(value.strip());
        return path.isAbsolute() || etc == null ? path : etc.resolve(path);
    }

    private static void requireRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw invalid(key, number(value), "a number from " + number(min) + " to " + number(max));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": " + key + "='" + value + "' is invalid; set " + expected);
    }
}
