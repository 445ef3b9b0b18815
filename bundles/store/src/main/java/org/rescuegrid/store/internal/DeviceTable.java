package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/** Reads of the device table that other repositories make inside their own transactions. */
final class DeviceTable {

    /**
     * Counts the changes of any device's vehicle since the bundle started. The position writers keep each
     * device's vehicle in memory and read it again once this count has moved.
     */
    private static final AtomicLong ASSIGNMENT_VERSION = new AtomicLong();

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

    static long assignmentVersion() {
        return ASSIGNMENT_VERSION.get();
    }

    /** Called after a device's vehicle changed in the table, so that copies of it in memory are read again. */
    static void assignmentChanged() {
        ASSIGNMENT_VERSION.incrementAndGet();
    }
}
