package org.rescuegrid.simulators.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checked form of {@link NmeaReplayConfig}, with each vehicle's log already cut into epochs
 * (and relocated when requested). Every invalid value raises an IllegalArgumentException that
 * names the configuration key, the value and the accepted form.
 */
final class ReplaySettings {

    static final String PID = "org.rescuegrid.simulator.nmea";

    /** Accepted device ids, the same form the NMEA driver accepts in a registration line. */
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final double MIN_SPEEDUP = 0.1;
    static final double MAX_SPEEDUP = 1000;

    private static final String DEVICE_ID_FORM = "1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'";

    final String host;
    final int port;
    final double speedup;
    final String registrationPrefix;
    final boolean loop;
    final boolean presentTime;
    final int gt06Port;
    final List<Vehicle> vehicles;

    private ReplaySettings(NmeaReplayConfig config, List<Vehicle> vehicles) {
        this.host = config.host().strip();
        this.port = config.port();
        this.speedup = config.speedup();
        this.registrationPrefix = config.registrationPrefix();
        this.loop = config.loop();
        this.presentTime = config.presentTime();
        this.gt06Port = config.gt06Port();
        this.vehicles = List.copyOf(vehicles);
    }

    /** One simulated vehicle: its device id, the log it replays and that log's epochs. */
    static final class Vehicle {
        final String deviceId;
        final String logName;
        final ReplayScript script;
        final boolean relocated;
        /** Whether the vehicle plays a GT06 tracker rather than an NMEA one. */
        final boolean gt06;

        Vehicle(String deviceId, String logName, ReplayScript script, boolean relocated, boolean gt06) {
            this.deviceId = deviceId;
            this.logName = logName;
            this.script = script;
            this.relocated = relocated;
            this.gt06 = gt06;
        }
    }

    /** Checks the configuration and loads the vehicles' logs from the catalog. */
    static ReplaySettings from(NmeaReplayConfig config, LogCatalog logs) {
        checkScalars(config);
        Map<String, String> logByDevice = parseVehicles(config.vehicles(), logs);
        Map<String, String> gt06LogByImei = parseGt06Vehicles(config.gt06Vehicles(), logs, logByDevice);
        Map<String, String> allLogs = new LinkedHashMap<>(logByDevice);
        allLogs.putAll(gt06LogByImei);
        Map<String, BigDecimal[]> targetByDevice = parseRelocations("relocate", config.relocate(), logByDevice);
        targetByDevice.putAll(parseRelocations("gt06Relocate", config.gt06Relocate() == null ? new String[0] : config.gt06Relocate(), gt06LogByImei));

        List<Vehicle> vehicles = new ArrayList<>();
        Map<String, List<byte[]>> linesByLog = new HashMap<>();
        for (Map.Entry<String, String> entry : allLogs.entrySet()) {
            String deviceId = entry.getKey();
            String logName = entry.getValue();
            List<byte[]> lines = linesByLog.computeIfAbsent(logName, name -> readLines(name, deviceId, logs));
            BigDecimal[] target = targetByDevice.get(deviceId);
            if (target != null) {
                Relocation relocation = Relocation.toTarget(lines, target[0], target[1])
                        .orElseThrow(() -> invalid("relocate", deviceId + "=" + target[0] + "," + target[1],
                                "log " + logName + " contains no valid GGA, RMC, GLL or GNS fix to move;"
                                        + " remove the entry or pick a log with a fix"));
                lines = relocation.apply(lines);
            }
            vehicles.add(new Vehicle(deviceId, logName, ReplayScript.fromLines(lines), target != null, gt06LogByImei.containsKey(deviceId)));
        }
        return new ReplaySettings(config, vehicles);
    }

    private static void checkScalars(NmeaReplayConfig config) {
        if (config.host() == null || config.host().isBlank()) {
            throw invalid("host", String.valueOf(config.host()), "set a host name or address such as 127.0.0.1");
        }
        if (config.port() < 1 || config.port() > 65535) {
            throw invalid("port", String.valueOf(config.port()), "set a TCP port between 1 and 65535");
        }
        if (config.gt06Port() < 1 || config.gt06Port() > 65535) {
            throw invalid("gt06Port", String.valueOf(config.gt06Port()), "set a TCP port between 1 and 65535");
        }
        double speedup = config.speedup();
        if (!(speedup >= MIN_SPEEDUP && speedup <= MAX_SPEEDUP)) {
            throw invalid("speedup", String.valueOf(speedup),
                    "set a number between " + MIN_SPEEDUP + " and " + MAX_SPEEDUP + "; 1 replays at the recorded pace");
        }
        String prefix = config.registrationPrefix();
        if (prefix == null || prefix.isEmpty() || prefix.indexOf('\r') >= 0 || prefix.indexOf('\n') >= 0) {
            throw invalid("registrationPrefix", String.valueOf(prefix),
                    "set a non-empty prefix without line breaks, such as $RGREG,");
        }
    }

    /** Parses {@code DEVICE_ID=LOGFILE} entries into log names by device id, in configuration order. */
    private static Map<String, String> parseVehicles(String[] entries, LogCatalog logs) {
        String form = "expected DEVICE_ID=LOGFILE such as TRK-LHR-01=quectel-L70.log, where DEVICE_ID is "
                + DEVICE_ID_FORM + " and LOGFILE is one of " + logs.names();
        Map<String, String> logByDevice = new LinkedHashMap<>();
        for (String entry : nonBlank(entries)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw invalid("vehicles", entry, "'=' is missing; " + form);
            }
            String deviceId = entry.substring(0, equals).strip();
            String logName = entry.substring(equals + 1).strip();
            if (!DEVICE_ID.matcher(deviceId).matches()) {
                throw invalid("vehicles", entry, "device id \"" + deviceId + "\" is invalid; " + form);
            }
            if (!logs.contains(logName)) {
                throw invalid("vehicles", entry, "log file \"" + logName + "\" not found; " + form);
            }
            if (logByDevice.putIfAbsent(deviceId, logName) != null) {
                throw invalid("vehicles", entry, "device id " + deviceId + " appears twice; give every vehicle its own id");
            }
        }
        if (logByDevice.isEmpty()) {
            throw new IllegalArgumentException(PID + ": vehicles is empty; add at least one entry ("
                    + form + ") or set enabled=false");
        }
        return logByDevice;
    }

    /** Parses {@code IMEI=LOGFILE} entries of GT06 trackers into log names by IMEI, in configuration order. */
    private static Map<String, String> parseGt06Vehicles(String[] entries, LogCatalog logs, Map<String, String> nmeaVehicles) {
        String form = "expected IMEI=LOGFILE such as 868683020000001=haicom-305N.log, where IMEI is 15 digits and LOGFILE is one of "
                + logs.names();
        Map<String, String> logByImei = new LinkedHashMap<>();
        for (String entry : nonBlank(entries == null ? new String[0] : entries)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw invalid("gt06Vehicles", entry, "'=' is missing; " + form);
            }
            String imei = entry.substring(0, equals).strip();
            String logName = entry.substring(equals + 1).strip();
            if (!imei.matches("[0-9]{15}")) {
                throw invalid("gt06Vehicles", entry, "IMEI \"" + imei + "\" is not 15 digits; " + form);
            }
            if (!logs.contains(logName)) {
                throw invalid("gt06Vehicles", entry, "log file \"" + logName + "\" not found; " + form);
            }
            if (nmeaVehicles.containsKey(imei) || logByImei.putIfAbsent(imei, logName) != null) {
                throw invalid("gt06Vehicles", entry, "device id " + imei + " appears twice; give every vehicle its own id");
            }
        }
        return logByImei;
    }

    /** Parses {@code DEVICE_ID=LAT,LON} entries into {latitude, longitude} in degrees by device id. */
    private static Map<String, BigDecimal[]> parseRelocations(String key, String[] entries, Map<String, String> logByDevice) {
        String form = "expected DEVICE_ID=LAT,LON in decimal degrees such as TRK-LHR-01=31.5204,74.3587,"
                + " with LAT from -90 to 90, LON from -180 to 180 and DEVICE_ID one of " + logByDevice.keySet();
        Map<String, BigDecimal[]> targetByDevice = new HashMap<>();
        for (String entry : nonBlank(entries)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw invalid(key, entry, "'=' is missing; " + form);
            }
            String deviceId = entry.substring(0, equals).strip();
            if (!logByDevice.containsKey(deviceId)) {
                throw invalid(key, entry, "device id \"" + deviceId + "\" is not in " + (key.equals("relocate") ? "vehicles" : "gt06Vehicles") + "; " + form);
            }
            String[] coordinates = entry.substring(equals + 1).split(",", -1);
            if (coordinates.length != 2) {
                throw invalid(key, entry, "expected two numbers after '='; " + form);
            }
            BigDecimal latitude = parseDegrees(key, coordinates[0], 90, entry, form);
            BigDecimal longitude = parseDegrees(key, coordinates[1], 180, entry, form);
            if (targetByDevice.putIfAbsent(deviceId, new BigDecimal[] {latitude, longitude}) != null) {
                throw invalid(key, entry, "device id " + deviceId + " appears twice; keep one entry per vehicle");
            }
        }
        return targetByDevice;
    }

    private static BigDecimal parseDegrees(String key, String text, int limit, String entry, String form) {
        BigDecimal degrees;
        try {
            degrees = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, entry, "\"" + text.strip() + "\" is not a decimal number; " + form);
        }
        if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw invalid(key, entry, text.strip() + " is out of range; " + form);
        }
        return degrees;
    }

    private static List<byte[]> readLines(String logName, String deviceId, LogCatalog logs) {
        byte[] log;
        try {
            log = logs.read(logName).orElseThrow(() -> new IllegalStateException("log " + logName + " is listed in the catalog but not found"));
        } catch (IOException e) {
            throw new UncheckedIOException("device=" + deviceId + " cannot read log " + logName, e);
        }
        List<byte[]> lines = ReplayScript.splitLines(log);
        if (lines.isEmpty()) {
            throw invalid("vehicles", deviceId + "=" + logName, "log " + logName + " has only comment lines; pick another log");
        }
        return lines;
    }

    private static List<String> nonBlank(String[] entries) {
        List<String> result = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                if (entry != null && !entry.isBlank()) {
                    result.add(entry.strip());
                }
            }
        }
        return result;
    }

    private static IllegalArgumentException invalid(String key, String value, String reason) {
        // Line breaks are shown escaped so that the message stays on one log line.
        String escapedValue = value.replace("\r", "\\r").replace("\n", "\\n");
        return new IllegalArgumentException(PID + ": " + key + " value \"" + escapedValue + "\" is invalid: " + reason);
    }

    /** Returns the device ids in configuration order, for log messages. */
    List<String> deviceIds() {
        List<String> ids = new ArrayList<>();
        for (Vehicle vehicle : vehicles) {
            ids.add(vehicle.deviceId);
        }
        return ids;
    }

    /** Returns the ids of the vehicles with a relocate entry, for log messages. */
    List<String> relocatedDeviceIds() {
        List<String> ids = new ArrayList<>();
        for (Vehicle vehicle : vehicles) {
            if (vehicle.relocated) {
                ids.add(vehicle.deviceId);
            }
        }
        return ids;
    }
}
