package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads of the device table that other repositories make inside their own transactions. */
final class DeviceTable {

    private DeviceTable() {
    }

    /** Returns the vehicle a device is assigned to, or null. */
    static String vehicleOf(Connection connection, String deviceId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT vehicle_id FROM device WHERE device_id = ?")) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
