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
    final int teltonikaPort;
    final int osmandPort;
    final String osmandPath;
    final List<Vehicle> vehicles;

    private ReplaySettings(NmeaReplayConfig config, List<Vehicle> vehicles) {
        this.host = config.host().strip();
        this.port = config.port();
        this.speedup = config.speedup();
        this.registrationPrefix = config.registrationPrefix();
        this.loop = config.loop();
        this.presentTime = config.presentTime();
        this.gt06Port = config.gt06Port();
        this.teltonikaPort = config.teltonikaPort();
        this.osmandPort = config.osmandPort();
        this.osmandPath = config.osmandPath();
        this.vehicles = List.copyOf(vehicles);
    }

    /** One simulated vehicle: its device id, the log it replays and that log's epochs. */
    static final class Vehicle {
        final String deviceId;
        final String logName;
        final ReplayScript script;
        final boolean relocated;
        final TrackerKind kind;

        Vehicle(String deviceId, String logName, ReplayScript script, boolean relocated, TrackerKind kind) {
            this.deviceId = deviceId;
            this.logName = logName;
            this.script = script;
            this.relocated = relocated;
            this.kind = kind;
        }
    }

    /** Checks the configuration and loads the vehicles' logs from the catalog. */
    static ReplaySettings from(NmeaReplayConfig config, LogCatalog logs) {
        checkScalars(config);
        Map<String, String> logByDevice = parseVehicles(config.vehicles(), logs);
        Map<String, TrackerKind> kindByDevice = new HashMap<>();
        logByDevice.keySet().forEach(deviceId -> kindByDevice.put(deviceId, TrackerKind.NMEA));
        Map<String, String> allLogs = new LinkedHashMap<>(logByDevice);
        Map<String, BigDecimal[]> targetByDevice = parseRelocations("relocate", "vehicles", config.relocate(), logByDevice);

        Map<String, String> gt06Logs = parseTrackers("gt06Vehicles", config.gt06Vehicles(), TrackerKind.GT06, logs, kindByDevice);
        targetByDevice.putAll(parseRelocations("gt06Relocate", "gt06Vehicles", config.gt06Relocate(), gt06Logs));
        Map<String, String> teltonikaLogs = parseTrackers("teltonikaVehicles", config.teltonikaVehicles(), TrackerKind.TELTONIKA_8,
                logs, kindByDevice);
        teltonikaLogs.putAll(parseTrackers("teltonikaExtendedVehicles", config.teltonikaExtendedVehicles(), TrackerKind.TELTONIKA_8E,
                logs, kindByDevice));
        targetByDevice.putAll(parseRelocations("teltonikaRelocate", "teltonikaVehicles or teltonikaExtendedVehicles",
                config.teltonikaRelocate(), teltonikaLogs));
        Map<String, String> osmandLogs = parseTrackers("osmandVehicles", config.osmandVehicles(), TrackerKind.OSMAND, logs, kindByDevice);
        targetByDevice.putAll(parseRelocations("osmandRelocate", "osmandVehicles", config.osmandRelocate(), osmandLogs));
        allLogs.putAll(gt06Logs);
        allLogs.putAll(teltonikaLogs);
        allLogs.putAll(osmandLogs);

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
            vehicles.add(new Vehicle(deviceId, logName, ReplayScript.fromLines(lines), target != null, kindByDevice.get(deviceId)));
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
        checkPort("gt06Port", config.gt06Port());
        checkPort("teltonikaPort", config.teltonikaPort());
        checkPort("osmandPort", config.osmandPort());
        String path = config.osmandPath();
        if (path == null || !path.matches("/[A-Za-z0-9._~/-]*")) {
            throw invalid("osmandPath", String.valueOf(path), "set a path starting with '/' such as /osmand, of letters, digits and . _ ~ / -");
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

    private static void checkPort(String key, int port) {
        if (port < 1 || port > 65535) {
            throw invalid(key, String.valueOf(port), "set a TCP port between 1 and 65535");
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

    /**
     * Parses the {@code ID=LOGFILE} entries of one kind of binary or HTTP tracker into log names by device id, in
     * configuration order, and records each id's kind in {@code kindByDevice}, which also rejects an id given twice.
     */
    private static Map<String, String> parseTrackers(String key, String[] entries, TrackerKind kind, LogCatalog logs,
            Map<String, TrackerKind> kindByDevice) {
        boolean byImei = kind != TrackerKind.OSMAND;
        String idForm = switch (kind) {
            case GT06 -> "15 digits";
            case OSMAND -> DEVICE_ID_FORM;
            default -> "15 to 17 digits";
        };
        Pattern idPattern = switch (kind) {
            case GT06 -> Pattern.compile("[0-9]{15}");
            case OSMAND -> DEVICE_ID;
            default -> Pattern.compile("[0-9]{15,17}");
        };
        String example = byImei ? "868683020000001=haicom-305N.log" : "CREW-LHR-07=st-teseo-liv3f.log";
        String form = "expected " + (byImei ? "IMEI" : "DEVICE_ID") + "=LOGFILE such as " + example + ", where "
                + (byImei ? "IMEI" : "DEVICE_ID") + " is " + idForm + " and LOGFILE is one of " + logs.names();
        Map<String, String> logById = new LinkedHashMap<>();
        for (String entry : nonBlank(entries)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw invalid(key, entry, "'=' is missing; " + form);
            }
            String id = entry.substring(0, equals).strip();
            String logName = entry.substring(equals + 1).strip();
            if (!idPattern.matcher(id).matches()) {
                throw invalid(key, entry, (byImei ? "IMEI" : "device id") + " \"" + id + "\" is not " + idForm + "; " + form);
            }
            if (!logs.contains(logName)) {
                throw invalid(key, entry, "log file \"" + logName + "\" not found; " + form);
            }
            if (kindByDevice.putIfAbsent(id, kind) != null) {
                throw invalid(key, entry, "device id " + id + " appears twice; give every vehicle its own id");
            }
            logById.put(id, logName);
        }
        return logById;
    }

    /** Parses {@code DEVICE_ID=LAT,LON} entries into {latitude, longitude} in degrees by device id. */
    private static Map<String, BigDecimal[]> parseRelocations(String key, String listKey, String[] entries,
            Map<String, String> logByDevice) {
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
                throw invalid(key, entry, "device id \"" + deviceId + "\" is not in " + listKey + "; " + form);
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
