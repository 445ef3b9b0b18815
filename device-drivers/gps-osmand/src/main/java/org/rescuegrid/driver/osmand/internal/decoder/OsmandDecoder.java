package org.rescuegrid.driver.osmand.internal.decoder;

import static org.rescuegrid.driver.osmand.internal.decoder.InvalidParameterException.invalid;
import static org.rescuegrid.driver.osmand.internal.decoder.InvalidParameterException.missing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rescuegrid.api.position.PositionFix;

/**
 * Decodes OsmAnd location reports, as query or form parameters (the OsmAnd app and Traccar Client
 * before version 9) or as the JSON body of Traccar Client 9 and later. Units follow the protocol:
 * parameter speed in knots, JSON speed in metres per second, both stored in km/h. Parameters the
 * decoder does not know are ignored; a known parameter with an invalid value rejects the whole request.
 */
public final class OsmandDecoder {

    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final double KMH_PER_KNOT = 1.852;
    private static final double KMH_PER_MPS = 3.6;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Clock clock;

    public OsmandDecoder(Clock clock) {
        this.clock = clock;
    }

    /** Decodes one report from query or form parameters. */
    public OsmandReport fromParameters(Map<String, String> parameters) throws InvalidParameterException {
        // Clients send the device id as 'id' or 'deviceid'. The error for a request with neither names 'id'.
        String idParameter = parameters.containsKey("deviceid") && !parameters.containsKey("id") ? "deviceid" : "id";
        String deviceId = deviceId(idParameter, first(parameters, "id", "deviceid"));
        Instant time = parameters.containsKey("timestamp") ? timestamp("timestamp", parameters.get("timestamp")) : clock.instant();

        Double latitude = optionalNumber(parameters, "lat", -90, 90);
        Double longitude = optionalNumber(parameters, "lon", -180, 180);
        if (parameters.containsKey("location")) {
            double[] location = location(parameters.get("location"));
            latitude = location[0];
            longitude = location[1];
        }
        String alarm = parameters.get("alarm");
        Boolean ignition = parameters.containsKey("ignition") ? bool("ignition", parameters.get("ignition")) : null;
        if (latitude == null || longitude == null) {
            if (alarm == null && ignition == null) {
                throw missing(latitude == null ? "lat" : "lon", "decimal degrees in 'lat' and 'lon', or 'location=LAT,LON'");
            }
            return new OsmandReport(deviceId, time, null, alarm, ignition);
        }

        Double speed = optionalNumber(parameters, "speed", 0, 1000);
        Double course = optionalNumber(parameters, parameters.containsKey("bearing") ? "bearing" : "heading", 0, 360);
        Double altitude = optionalNumber(parameters, parameters.containsKey("altitude") ? "altitude" : "alt", -1000, 100_000);
        Double hdop = optionalNumber(parameters, "hdop", 0, 100);
        boolean valid = !parameters.containsKey("valid") || bool("valid", parameters.get("valid"));
        PositionFix fix = new PositionFix(deviceId, time, latitude, longitude, altitude, speed == null ? null : speed * KMH_PER_KNOT, course,
                null, hdop, valid);
        return new OsmandReport(deviceId, time, fix, alarm, ignition);
    }

    /** Decodes the reports of a JSON body: one {@code location} object, or an array of them from a batched upload. */
    public List<OsmandReport> fromJson(String body) throws InvalidParameterException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("body", "request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidParameterException("body", "request body is not a JSON object; send {\"device_id\": ..., \"location\": {...}}");
        }
        String deviceId = deviceId("device_id", text(root.get("device_id")));
        JsonNode location = root.get("location");
        if (location == null || !(location.isObject() || location.isArray())) {
            throw missing("location", "an object with 'timestamp' and 'coords', or an array of them");
        }
        List<OsmandReport> reports = new ArrayList<>();
        if (location.isArray()) {
            for (JsonNode element : location) {
                reports.add(jsonLocation(deviceId, element));
            }
        } else {
            reports.add(jsonLocation(deviceId, location));
        }
        return reports;
    }

    private OsmandReport jsonLocation(String deviceId, JsonNode location) throws InvalidParameterException {
        JsonNode coords = location.get("coords");
        if (coords == null || !coords.isObject()) {
            throw missing("location.coords", "an object with 'latitude' and 'longitude'");
        }
        Instant time = location.has("timestamp") ? timestamp("location.timestamp", text(location.get("timestamp"))) : clock.instant();
        double latitude = requiredNumber(coords, "latitude", -90, 90);
        double longitude = requiredNumber(coords, "longitude", -180, 180);
        // The location SDK sends -1 for a speed or heading it could not measure.
        Double speed = unlessNegative(jsonNumber(coords, "speed", -1, 1000));
        Double heading = unlessNegative(jsonNumber(coords, "heading", -1, 360));
        Double altitude = jsonNumber(coords, "altitude", -1000, 100_000);
        PositionFix fix = new PositionFix(deviceId, time, latitude, longitude, altitude, speed == null ? null : speed * KMH_PER_MPS, heading,
                null, null, true);
        return new OsmandReport(deviceId, time, fix, null, null);
    }

    private static String deviceId(String parameter, String value) throws InvalidParameterException {
        if (value == null || value.isEmpty()) {
            throw missing(parameter, "the device id, 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        if (!DEVICE_ID.matcher(value).matches()) {
            throw invalid(parameter, value, "1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    /** Parses seconds or milliseconds since 1970, ISO-8601 with an offset, or {@code yyyy-MM-dd HH:mm:ss} in UTC. */
    private static Instant timestamp(String parameter, String value) throws InvalidParameterException {
        String expected = "seconds or milliseconds since 1970-01-01 UTC, ISO-8601 such as 2026-12-04T10:00:00Z, or 'yyyy-MM-dd HH:mm:ss' in UTC";
        if (value == null) {
            throw missing(parameter, expected);
        }
        if (value.matches("[0-9]{1,15}")) {
            long number = Long.parseLong(value);
            // Ten digits of seconds reach the year 2286; more digits are milliseconds.
            return number > 9_999_999_999L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        }
        try {
            return value.contains("T") ? OffsetDateTime.parse(value).toInstant() : LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid(parameter, value, expected);
        }
    }

    private static double[] location(String value) throws InvalidParameterException {
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            throw invalid("location", value, "LAT,LON in decimal degrees");
        }
        return new double[] {number("location", parts[0], -90, 90), number("location", parts[1], -180, 180)};
    }

    private static Double optionalNumber(Map<String, String> parameters, String name, double min, double max) throws InvalidParameterException {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : number(name, value, min, max);
    }

    private static double number(String name, String value, double min, double max) throws InvalidParameterException {
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a decimal number from " + format(min) + " to " + format(max));
        }
        if (!(number >= min && number <= max)) {
            throw invalid(name, value, "a decimal number from " + format(min) + " to " + format(max));
        }
        return number;
    }

    private static double requiredNumber(JsonNode node, String name, double min, double max) throws InvalidParameterException {
        Double value = jsonNumber(node, name, min, max);
        if (value == null) {
            throw missing("location.coords." + name, "a decimal number from " + format(min) + " to " + format(max));
        }
        return value;
    }

    private static Double jsonNumber(JsonNode node, String name, double min, double max) throws InvalidParameterException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw invalid("location.coords." + name, value.toString(), "a JSON number from " + format(min) + " to " + format(max));
        }
        return number("location.coords." + name, value.asText(), min, max);
    }

    private static Double unlessNegative(Double value) {
        return value == null || value < 0 ? null : value;
    }

    private static boolean bool(String name, String value) throws InvalidParameterException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(name, value, "true, false, 1 or 0");
        };
    }

    private static String first(Map<String, String> parameters, String name, String alternative) {
        String value = parameters.get(name);
        return value != null ? value : parameters.get(alternative);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
