package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.VehicleType;
import org.rescuegrid.store.schema.Jdbc;
import org.rescuegrid.store.schema.Migration;

/**
 * Reads and writes the driver behaviour tables, schema history "driving". Every write also appends the
 * outbox record that carries it to HQ, on the same connection.
 */
final class DrivingTables {

    static final String SCHEMA = "driving";
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "driver assignments and driving events", "db/driving/V001__driver_events.sql"));

    static final String EVENT_RECORD = "driver-event";
    static final String ASSIGNMENT_RECORD = "driver-assignment";

    private DrivingTables() {
    }

    static Map<String, String> loadAssignments(Connection connection) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT vehicle_id, driver_id FROM drv_assignment")) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2));
            }
        }
        return result;
    }

    static void assign(Connection connection, String vehicleId, String driverId, String user, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM drv_assignment WHERE vehicle_id = ?")) {
            delete.setString(1, vehicleId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO drv_assignment (vehicle_id, driver_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, vehicleId);
            insert.setString(2, driverId);
            Jdbc.setInstant(insert, 3, now);
            insert.setString(4, user);
            insert.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("vehicleId", vehicleId);
        payload.put("driverId", driverId);
        payload.put("assignedAt", now);
        payload.put("assignedBy", user);
        OutboxRecords.append(connection, java.util.UUID.randomUUID().toString(), ASSIGNMENT_RECORD, now, payload);
    }

    static void insertEvent(Connection connection, DriverEvent event, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO drv_event (event_id, vehicle_id, vehicle_type, driver_id,"
                + " event_type, event_time, speed_kmh, limit_kmh, event_value, from_tracker, shift, shift_day, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.eventId());
            insert.setString(2, event.vehicleId());
            insert.setString(3, event.vehicleType().name());
            insert.setString(4, event.driverId());
            insert.setString(5, event.type().name());
            Jdbc.setInstant(insert, 6, event.time());
            Jdbc.setDouble(insert, 7, event.speedKmh());
            Jdbc.setDouble(insert, 8, event.limitKmh());
            Jdbc.setDouble(insert, 9, event.value());
            insert.setBoolean(10, event.fromTracker());
            insert.setString(11, event.shift());
            insert.setDate(12, Date.valueOf(event.shiftDay()));
            Jdbc.setInstant(insert, 13, now);
            insert.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("vehicleId", event.vehicleId());
        payload.put("vehicleType", event.vehicleType().label());
        payload.put("driverId", event.driverId());
        payload.put("type", event.type().label());
        payload.put("time", event.time());
        payload.put("speedKmh", event.speedKmh());
        payload.put("limitKmh", event.limitKmh());
        payload.put("value", event.value());
        payload.put("fromTracker", event.fromTracker());
        payload.put("shift", event.shift());
        payload.put("shiftDay", event.shiftDay().toString());
        OutboxRecords.append(connection, event.eventId(), EVENT_RECORD, now, payload);
    }

    /** Loads events by time, {@code [from, to)}, or by shift day when {@code day} is given. */
    static List<DriverEvent> loadEvents(Connection connection, Instant from, Instant to, LocalDate day) throws SQLException {
        String sql = "SELECT * FROM drv_event WHERE " + (day == null ? "event_time >= ? AND event_time < ?" : "shift_day = ?")
                + " ORDER BY event_time, event_id";
        List<DriverEvent> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (day == null) {
                Jdbc.setInstant(query, 1, from);
                Jdbc.setInstant(query, 2, to);
            } else {
                query.setDate(1, Date.valueOf(day));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(new DriverEvent(rs.getString("event_id"), rs.getString("vehicle_id"), VehicleType.valueOf(rs.getString("vehicle_type")),
                            rs.getString("driver_id"), DriverEventType.valueOf(rs.getString("event_type")), Jdbc.getInstant(rs, "event_time"),
                            Jdbc.getDouble(rs, "speed_kmh"), Jdbc.getDouble(rs, "limit_kmh"), Jdbc.getDouble(rs, "event_value"),
                            rs.getBoolean("from_tracker"), rs.getString("shift"), rs.getDate("shift_day").toLocalDate()));
                }
            }
        }
        return result;
    }
}
