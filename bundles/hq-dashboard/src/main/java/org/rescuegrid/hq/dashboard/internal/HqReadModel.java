package org.rescuegrid.hq.dashboard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads what the dashboard and the API show from HQ's database. It only reads: the HQ receiver owns the
 * tables and their schema, and every figure here is computed from the stored records, so a report made
 * from the same records gives the same numbers.
 */
class HqReadModel {

    /** Positions older than this are not drawn on the live map. */
    static final Duration MAP_WINDOW = Duration.ofHours(24);

    /** How far back the feed is searched for gaps. */
    static final Duration GAP_WINDOW = Duration.ofHours(6);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataSource dataSource;

    HqReadModel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the latest valid position of every vehicle heard within {@link #MAP_WINDOW}, all districts. */
    ArrayNode vehicles(Instant now) throws SQLException {
        String sql = "SELECT p.province, p.vehicle_id, p.device_id, p.fix_time, p.latitude, p.longitude, p.speed_kmh"
                + " FROM hq_position p JOIN (SELECT province, vehicle_id, MAX(fix_time) AS latest FROM hq_position"
                + "   WHERE vehicle_id IS NOT NULL AND fix_valid = TRUE AND fix_time > ? GROUP BY province, vehicle_id) l"
                + " ON p.province = l.province AND p.vehicle_id = l.vehicle_id AND p.fix_time = l.latest"
                + " WHERE p.fix_valid = TRUE ORDER BY p.province, p.vehicle_id";
        ArrayNode result = MAPPER.createArrayNode();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(now.minus(MAP_WINDOW)));
            try (ResultSet rs = query.executeQuery()) {
                String previous = null;
                while (rs.next()) {
                    String key = rs.getString(1) + "/" + rs.getString(2);
                    if (key.equals(previous)) {
                        continue; // two fixes of one vehicle with the same time, from two devices
                    }
                    previous = key;
                    ObjectNode vehicle = result.addObject();
                    vehicle.put("district", rs.getString(1));
                    vehicle.put("vehicleId", rs.getString(2));
                    vehicle.put("deviceId", rs.getString(3));
                    vehicle.put("fixTime", rs.getTimestamp(4).toInstant().toString());
                    vehicle.put("latitude", rs.getDouble(5));
                    vehicle.put("longitude", rs.getDouble(6));
                    double speed = rs.getDouble(7);
                    if (!rs.wasNull()) {
                        vehicle.put("speedKmh", speed);
                    }
                }
            }
        }
        return result;
    }

    /**
     * Returns one entry per district that has ever reported: when it was last heard, what it sent in the last hour,
     * its devices that fell silent, the gaps in its feed, and whether it is stale.
     */
    ArrayNode districts(Instant now, Duration staleAfter, Duration silentAfter) throws SQLException {
        Map<String, ObjectNode> districts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            lastHeard(connection, districts, now, staleAfter);
            recentCounts(connection, districts, now.minus(Duration.ofHours(1)));
            silentDevices(connection, districts, now, silentAfter);
            UplinkHealthReads.addBacklogs(connection, districts);
            for (ObjectNode district : districts.values()) {
                gaps(connection, district, now, staleAfter);
            }
        }
        ArrayNode result = MAPPER.createArrayNode();
        districts.values().forEach(result::add);
        return result;
    }

    /** Returns the last reconciliation result of each district, day and record type. */
    ArrayNode reconciliations() throws SQLException {
        return UplinkHealthReads.reconciliations(dataSource);
    }

    /** Returns the device events of the last day, newest first. */
    ArrayNode deviceEvents(Instant now, int limit) throws SQLException {
        String sql = "SELECT province, device_id, vehicle_id, event_type, event_time FROM hq_device_event"
                + " WHERE event_time > ? ORDER BY event_time DESC FETCH FIRST ? ROWS ONLY";
        ArrayNode result = MAPPER.createArrayNode();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(1))));
            query.setInt(2, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ObjectNode event = result.addObject();
                    event.put("district", rs.getString(1));
                    event.put("deviceId", rs.getString(2));
                    event.put("vehicleId", rs.getString(3));
                    event.put("type", rs.getString(4));
                    event.put("time", rs.getTimestamp(5).toInstant().toString());
                }
            }
        }
        return result;
    }

    /** Returns the provinces and their districts with calls received in {@code [from, to)}, in name order. */
    Map<String, List<String>> callScopes(Instant from, Instant to) throws SQLException {
        Map<String, List<String>> scopes = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT province, district FROM hq_call WHERE received_at >= ? AND received_at < ? ORDER BY province, district")) {
            // In UTC like the receiver writes them, so the districts listed are those whose KPIs count the same calls.
            query.setTimestamp(1, Timestamp.from(from), utc());
            query.setTimestamp(2, Timestamp.from(to), utc());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    scopes.computeIfAbsent(rs.getString(1), province -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return scopes;
    }

    /** Returns whether HQ has received any record, call or incident from the province. */
    boolean knownProvince(String province) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM hq_record WHERE province = ? UNION ALL SELECT 1 FROM hq_call WHERE province = ?"
                        + " UNION ALL SELECT 1 FROM hq_incident WHERE province = ?")) {
            query.setMaxRows(1);
            for (int i = 1; i <= 3; i++) {
                query.setString(i, province);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    private static void lastHeard(Connection connection, Map<String, ObjectNode> districts, Instant now, Duration staleAfter)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT province, MAX(received_at), COUNT(*) FROM hq_record GROUP BY province");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Instant last = rs.getTimestamp(2).toInstant();
                ObjectNode district = MAPPER.createObjectNode();
                district.put("district", rs.getString(1));
                district.put("lastReceived", last.toString());
                district.put("secondsSinceLastRecord", Math.max(0, Duration.between(last, now).toSeconds()));
                district.put("stale", Duration.between(last, now).compareTo(staleAfter) > 0);
                district.put("recordsTotal", rs.getLong(3));
                districts.put(rs.getString(1), district);
            }
        }
    }

    private static void recentCounts(Connection connection, Map<String, ObjectNode> districts, Instant since) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT province, record_type, COUNT(*) FROM hq_record WHERE received_at > ? GROUP BY province, record_type")) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ObjectNode district = districts.get(rs.getString(1));
                    if (district != null) {
                        district.with("recordsLastHour").put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
        }
        districts.values().forEach(district -> district.with("recordsLastHour"));
    }

    private static void silentDevices(Connection connection, Map<String, ObjectNode> districts, Instant now, Duration silentAfter)
            throws SQLException {
        districts.values().forEach(district -> district.putArray("silentDevices"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT province, device_id, MAX(fix_time) FROM hq_position WHERE fix_time > ?"
                        + " GROUP BY province, device_id HAVING MAX(fix_time) < ? ORDER BY province, device_id")) {
            query.setTimestamp(1, Timestamp.from(now.minus(MAP_WINDOW)));
            query.setTimestamp(2, Timestamp.from(now.minus(silentAfter)));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ObjectNode district = districts.get(rs.getString(1));
                    if (district != null) {
                        ObjectNode device = ((ArrayNode) district.get("silentDevices")).addObject();
                        device.put("deviceId", rs.getString(2));
                        device.put("lastFix", rs.getTimestamp(3).toInstant().toString());
                    }
                }
            }
        }
    }

    /** Lists the periods within {@link #GAP_WINDOW} in which the district sent nothing for longer than staleAfter. */
    private static void gaps(Connection connection, ObjectNode district, Instant now, Duration staleAfter) throws SQLException {
        ArrayNode gaps = district.putArray("gaps");
        Instant windowStart = now.minus(GAP_WINDOW);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT received_at FROM hq_record WHERE province = ? AND received_at > ? ORDER BY received_at")) {
            query.setString(1, district.get("district").asText());
            query.setTimestamp(2, Timestamp.from(windowStart));
            try (ResultSet rs = query.executeQuery()) {
                Instant previous = null;
                while (rs.next()) {
                    Instant received = rs.getTimestamp(1).toInstant();
                    if (previous != null && Duration.between(previous, received).compareTo(staleAfter) > 0) {
                        ObjectNode gap = gaps.addObject();
                        gap.put("from", previous.toString());
                        gap.put("to", received.toString());
                        gap.put("seconds", Duration.between(previous, received).toSeconds());
                    }
                    previous = received;
                }
            }
        }
    }
}
