package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.rescuegrid.api.position.FixValidity;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.store.schema.Jdbc;

/**
 * The values the position writers keep for one device between transactions: its newest stored fix of any
 * validity, its newest usable fix, and its vehicle. A tracker's live fix is newer than everything stored
 * for it, and for such a fix these three values are all the validity assessment reads, so
 * the writer stores it without reading the position table. An older fix (a resend or buffered history)
 * is still assessed against the table.
 *
 * @param newest the newest stored fix of the device, or null when it has none
 * @param newestUsable the newest stored fix that is {@link FixValidity#VALID} or rollover-corrected, or null
 * @param vehicleId the device's vehicle when it was read, or null when it has none
 * @param assignmentVersion {@link DeviceTable#assignmentVersion()} before the vehicle was read
 */
record LatestFixes(FixAssessor.Previous newest, FixAssessor.Previous newestUsable, String vehicleId, long assignmentVersion) {

    private static final String NEWEST = "SELECT fix_time, latitude, longitude, validity FROM position_fix WHERE device_id = ?";

    /** Reads a device's newest fixes and its vehicle on the connection of the current transaction. */
    static LatestFixes read(Connection connection, String deviceId) throws SQLException {
        long version = DeviceTable.assignmentVersion();
        FixAssessor.Previous newest = first(connection, NEWEST + " ORDER BY fix_time DESC FETCH FIRST 1 ROWS ONLY", deviceId);
        FixAssessor.Previous usable = first(connection, NEWEST + " AND " + DerbyPositionStore.USABLE
                + " ORDER BY fix_time DESC FETCH FIRST 1 ROWS ONLY", deviceId);
        return new LatestFixes(newest, usable, DeviceTable.vehicleOf(connection, deviceId), version);
    }

    /** Returns whether a fix at this time is newer than every stored fix of the device. */
    boolean precedes(Instant fixTime) {
        return newest == null || fixTime.isAfter(newest.fixTime());
    }

    /** Returns whether the device's vehicle may have changed since it was read. */
    boolean vehicleStale() {
        return assignmentVersion != DeviceTable.assignmentVersion();
    }

    /** Returns these values with the vehicle read again on the current transaction's connection. */
    LatestFixes withVehicleFrom(Connection connection, String deviceId) throws SQLException {
        long version = DeviceTable.assignmentVersion();
        return new LatestFixes(newest, newestUsable, DeviceTable.vehicleOf(connection, deviceId), version);
    }

    /** Returns these values after the given fix was stored. */
    LatestFixes with(StoredPosition stored) {
        FixAssessor.Previous added = new FixAssessor.Previous(stored.fix().fixTime(), stored.fix().latitude(), stored.fix().longitude(),
                stored.validity());
        FixAssessor.Previous nextNewest = newest == null || added.fixTime().isAfter(newest.fixTime()) ? added : newest;
        FixAssessor.Previous nextUsable = newestUsable;
        if (usable(stored.validity()) && (newestUsable == null || added.fixTime().isAfter(newestUsable.fixTime()))) {
            nextUsable = added;
        }
        return new LatestFixes(nextNewest, nextUsable, vehicleId, assignmentVersion);
    }

    /**
     * The device's stored fixes as the assessment of a fix newer than all of them reads them. The newest
     * fixes before it are the newest stored ones, and no usable fix comes after it.
     */
    FixAssessor.DeviceTrack trackBefore(Instant fixTime) {
        if (!precedes(fixTime)) {
            throw new IllegalArgumentException("a fix at " + fixTime + " is not newer than the stored fix at " + newest.fixTime());
        }
        return new FixAssessor.DeviceTrack() {
            @Override
            public Optional<FixAssessor.Previous> usableBefore(Instant time) {
                return Optional.ofNullable(newestUsable);
            }

            @Override
            public Optional<FixAssessor.Previous> anyBefore(Instant time) {
                return Optional.ofNullable(newest);
            }

            @Override
            public boolean usableAfter(Instant time) {
                return false;
            }
        };
    }

    static boolean usable(FixValidity validity) {
        return validity == FixValidity.VALID || validity == FixValidity.ROLLOVER_CORRECTED;
    }

    private static FixAssessor.Previous first(Connection connection, String sql, String deviceId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new FixAssessor.Previous(Jdbc.getInstant(rs, "fix_time"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                        FixValidity.valueOf(rs.getString("validity")));
            }
        }
    }
}
