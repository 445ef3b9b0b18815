package org.rescuegrid.hq.dashboard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Driving events per district node from the driver-behaviour records the front offices upload
 * (hq_driver_event): counts by kind, and the vehicles and drivers with the most events.
 */
class DriverEventReadModel {

    /** Entries in each list of top vehicles and drivers. */
    static final int TOP = 5;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataSource dataSource;

    DriverEventReadModel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Returns the driving events of every district node with events in {@code [from, to)}, or of one node.
     *
     * @param node code the district node uploads with, or null for all
     */
    ArrayNode driverEvents(String node, Instant from, Instant to) throws SQLException {
        Map<String, ObjectNode> districts = new TreeMap<>();
        String where = " WHERE event_time >= ? AND event_time < ?" + (node == null ? "" : " AND province = ?");
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT province, event_type, COUNT(*) FROM hq_driver_event" + where + " GROUP BY province, event_type ORDER BY province, event_type")) {
                bind(query, node, from, to);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        ObjectNode district = districts.computeIfAbsent(rs.getString(1), DriverEventReadModel::district);
                        district.put("events", district.get("events").asLong() + rs.getLong(3));
                        ((ObjectNode) district.get("byKind")).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            top(connection, districts, "vehicle_id", "topVehicles", "vehicleId", where, node, from, to);
            top(connection, districts, "driver_id", "topDrivers", "driverId", where + " AND driver_id IS NOT NULL", node, from, to);
        }
        ArrayNode result = MAPPER.createArrayNode();
        districts.values().forEach(result::add);
        return result;
    }

    private static ObjectNode district(String code) {
        ObjectNode district = MAPPER.createObjectNode();
        district.put("district", code);
        district.put("events", 0L);
        district.putObject("byKind");
        district.putArray("topVehicles");
        district.putArray("topDrivers");
        return district;
    }

    /** Adds each district's {@link #TOP} values of a column with the most events, most first, then by value. */
    private static void top(Connection connection, Map<String, ObjectNode> districts, String column, String field, String idField, String where,
            String node, Instant from, Instant to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT province, " + column + ", COUNT(*) AS events FROM hq_driver_event"
                + where + " GROUP BY province, " + column + " ORDER BY province, events DESC, " + column)) {
            bind(query, node, from, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ObjectNode district = districts.get(rs.getString(1));
                    ArrayNode list = (ArrayNode) district.get(field);
                    if (list.size() < TOP) {
                        ObjectNode entry = list.addObject();
                        entry.put(idField, rs.getString(2));
                        entry.put("events", rs.getLong(3));
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement query, String node, Instant from, Instant to) throws SQLException {
        query.setTimestamp(1, Timestamp.from(from), ComplianceReadModel.utc());
        query.setTimestamp(2, Timestamp.from(to), ComplianceReadModel.utc());
        if (node != null) {
            query.setString(3, node);
        }
    }
}
