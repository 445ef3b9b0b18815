package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventStore;
import org.rescuegrid.api.event.StoredDeviceEvent;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Stores device events and queues each one in the outbox in the same transaction. An event with the
 * device, type and time of a stored one is a resend, and returns the stored record without writing anything.
 */
@Component(service = DeviceEventStore.class)
public class DerbyDeviceEventStore implements DeviceEventStore {

    static final String COLUMNS = "event_id, device_id, vehicle_id, event_type, event_time, received_at, attributes";

    private final StoreDatabase database;

    @Activate
    public DerbyDeviceEventStore(@Reference StoreDatabase database) {
        this.database = database;
    }

    @Override
    public StoredDeviceEvent store(DeviceEvent event) {
        try {
            return database.inTransaction(connection -> {
                Optional<StoredDeviceEvent> resent = find(connection, event);
                if (resent.isPresent()) {
                    return resent.get();
                }
                String vehicleId = DeviceTable.vehicleOf(connection, event.deviceId());
                StoredDeviceEvent stored = new StoredDeviceEvent(UUID.randomUUID().toString(), vehicleId, event, Instant.now());
                insert(connection, stored);
                OutboxRows.insert(connection, stored.eventId(), RecordJson.DEVICE_EVENT, stored.receivedAt(), RecordJson.write(stored.eventId(), stored));
                return stored;
            });
        } catch (SQLException e) {
            if (Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                // Another connection of the device committed the same event between the lookup and the insert.
                return findCommitted(event);
            }
            throw new IllegalStateException("event " + event.type() + " of device " + event.deviceId() + " at " + event.time()
                    + " could not be stored: " + e.getMessage(), e);
        }
    }

    private StoredDeviceEvent findCommitted(DeviceEvent event) {
        try (Connection connection = database.connect()) {
            return find(connection, event).orElseThrow(() -> new IllegalStateException("event " + event.type() + " of device "
                    + event.deviceId() + " at " + event.time() + " was rejected as a duplicate, but no stored copy was found"));
        } catch (SQLException e) {
            throw new IllegalStateException("event " + event.type() + " of device " + event.deviceId() + " at " + event.time()
                    + " could not be read back after a duplicate insert: " + e.getMessage(), e);
        }
    }

    /** Returns the stored event with the same device, type, time and details, the record a resend of that event returns. */
    private static Optional<StoredDeviceEvent> find(Connection connection, DeviceEvent event) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM device_event WHERE device_id = ? AND event_type = ? AND event_time = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, event.deviceId());
            query.setString(2, event.type());
            Jdbc.setInstant(query, 3, event.time());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    StoredDeviceEvent stored = read(rs);
                    if (stored.event().equals(event)) {
                        return Optional.of(stored);
                    }
                }
                return Optional.empty();
            }
        }
    }

    @Override
    public List<StoredDeviceEvent> recent(String deviceOrVehicleId, String typePrefix, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit " + limit + " is invalid; request 1 to 10000 events");
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM device_event WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (deviceOrVehicleId != null) {
            sql.append(" AND (device_id = ? OR vehicle_id = ?)");
            parameters.add(deviceOrVehicleId);
            parameters.add(deviceOrVehicleId);
        }
        if (typePrefix != null) {
            sql.append(" AND event_type LIKE ?");
            parameters.add(typePrefix.replace("%", "") + "%");
        }
        sql.append(" ORDER BY seq DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");

        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                List<StoredDeviceEvent> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(read(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("device events could not be read: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection connection, StoredDeviceEvent stored) throws SQLException {
        DeviceEvent event = stored.event();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO device_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, stored.eventId());
            insert.setString(2, event.deviceId());
            insert.setString(3, stored.vehicleId());
            insert.setString(4, event.type());
            Jdbc.setInstant(insert, 5, event.time());
            Jdbc.setInstant(insert, 6, stored.receivedAt());
            insert.setString(7, RecordJson.write(stored.eventId(), event.attributes()));
            insert.executeUpdate();
        }
    }

    static StoredDeviceEvent read(ResultSet rs) throws SQLException {
        DeviceEvent event = new DeviceEvent(rs.getString("device_id"), rs.getString("event_type"),
                Jdbc.getInstant(rs, "event_time"), RecordJson.readAttributes(rs.getString("attributes")));
        return new StoredDeviceEvent(rs.getString("event_id"), rs.getString("vehicle_id"), event, Jdbc.getInstant(rs, "received_at"));
    }
}
