package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.device.DeviceStore;
import org.rescuegrid.api.device.KnownDevice;
import org.rescuegrid.store.schema.Jdbc;

/** Keeps device identity, vehicle assignment and last contact in the device table. */
@Component(service = DeviceStore.class)
public class DerbyDeviceStore implements DeviceStore {

    private final StoreDatabase database;

    @Activate
    public DerbyDeviceStore(@Reference StoreDatabase database) {
        this.database = database;
    }

    @Override
    public void upsert(String deviceId, String protocol, Instant contact) {
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE device SET protocol = ?, last_contact = ? WHERE device_id = ?")) {
                    update.setString(1, protocol);
                    Jdbc.setInstant(update, 2, contact);
                    update.setString(3, deviceId);
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO device (device_id, protocol, first_seen, last_contact) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, deviceId);
                    insert.setString(2, protocol);
                    Jdbc.setInstant(insert, 3, contact);
                    Jdbc.setInstant(insert, 4, contact);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("device " + deviceId + " could not be registered: " + e.getMessage(), e);
        }
    }

    @Override
    public void touch(String deviceId, Instant lastContact) {
        try (Connection connection = database.connect();
                PreparedStatement update = connection.prepareStatement("UPDATE device SET last_contact = ? WHERE device_id = ?")) {
            Jdbc.setInstant(update, 1, lastContact);
            update.setString(2, deviceId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("last contact of device " + deviceId + " could not be saved: " + e.getMessage(), e);
        }
    }

    @Override
    public void registerAll(List<KnownDevice> devices) {
        if (devices.isEmpty()) {
            return;
        }
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE device SET protocol = ?, vehicle_id = ?, last_contact = ? WHERE device_id = ?");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO device (device_id, protocol, vehicle_id, first_seen, last_contact) VALUES (?, ?, ?, ?, ?)")) {
                    for (KnownDevice device : devices) {
                        update.setString(1, device.protocol());
                        update.setString(2, device.vehicleId());
                        Jdbc.setInstant(update, 3, device.lastContact());
                        update.setString(4, device.deviceId());
                        if (update.executeUpdate() == 0) {
                            insert.setString(1, device.deviceId());
                            insert.setString(2, device.protocol());
                            insert.setString(3, device.vehicleId());
                            Jdbc.setInstant(insert, 4, device.firstSeen());
                            Jdbc.setInstant(insert, 5, device.lastContact());
                            insert.executeUpdate();
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(devices.size() + " new devices could not be registered, first " + devices.get(0).deviceId()
                    + ": " + e.getMessage(), e);
        }
        if (devices.stream().anyMatch(device -> device.vehicleId() != null)) {
            DeviceTable.assignmentChanged();
        }
    }

    @Override
    public void touchAll(Map<String, Instant> lastContacts) {
        if (lastContacts.isEmpty()) {
            return;
        }
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE device SET last_contact = ? WHERE device_id = ?")) {
                    for (Map.Entry<String, Instant> contact : lastContacts.entrySet()) {
                        Jdbc.setInstant(update, 1, contact.getValue());
                        update.setString(2, contact.getKey());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("last contact of " + lastContacts.size() + " devices could not be saved: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean assign(String deviceId, String vehicleId) {
        try (Connection connection = database.connect();
                PreparedStatement update = connection.prepareStatement("UPDATE device SET vehicle_id = ? WHERE device_id = ?")) {
            update.setString(1, vehicleId);
            update.setString(2, deviceId);
            boolean assigned = update.executeUpdate() == 1;
            DeviceTable.assignmentChanged();
            return assigned;
        } catch (SQLException e) {
            throw new IllegalStateException("device " + deviceId + " could not be assigned to vehicle " + vehicleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<KnownDevice> all() {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT device_id, protocol, vehicle_id, first_seen, last_contact FROM device ORDER BY device_id");
                ResultSet rs = query.executeQuery()) {
            List<KnownDevice> devices = new ArrayList<>();
            while (rs.next()) {
                devices.add(new KnownDevice(rs.getString("device_id"), rs.getString("protocol"), rs.getString("vehicle_id"),
                        Jdbc.getInstant(rs, "first_seen"), Jdbc.getInstant(rs, "last_contact")));
            }
            return devices;
        } catch (SQLException e) {
            throw new IllegalStateException("devices could not be read: " + e.getMessage(), e);
        }
    }
}
