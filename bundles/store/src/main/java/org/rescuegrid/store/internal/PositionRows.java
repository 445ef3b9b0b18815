package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.store.schema.Jdbc;

/**
 * The position rows and outbox rows of one transaction, queued and inserted together in two JDBC batches.
 * A writer that reads the position table in the same transaction flushes first, so the read finds every
 * fix queued before it.
 */
final class PositionRows implements AutoCloseable {

    private final PreparedStatement positions;
    private final OutboxRows.Batch outbox;
    private int queued;

    PositionRows(Connection connection) throws SQLException {
        this.positions = connection.prepareStatement(
                "INSERT INTO position_fix (" + DerbyPositionStore.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.outbox = OutboxRows.batch(connection);
    }

    void add(StoredPosition stored) throws SQLException {
        PositionFix fix = stored.fix();
        positions.setString(1, stored.eventId());
        positions.setString(2, fix.deviceId());
        positions.setString(3, stored.vehicleId());
        Jdbc.setInstant(positions, 4, fix.fixTime());
        Jdbc.setInstant(positions, 5, stored.receivedAt());
        positions.setDouble(6, fix.latitude());
        positions.setDouble(7, fix.longitude());
        Jdbc.setDouble(positions, 8, fix.altitude());
        Jdbc.setDouble(positions, 9, fix.speedKmh());
        Jdbc.setDouble(positions, 10, fix.course());
        Jdbc.setInteger(positions, 11, fix.satellites());
        Jdbc.setDouble(positions, 12, fix.hdop());
        positions.setBoolean(13, fix.valid());
        positions.setString(14, stored.validity().name());
        positions.addBatch();
        outbox.add(stored.eventId(), RecordJson.POSITION, stored.receivedAt(), RecordJson.write(stored.eventId(), stored));
        queued++;
    }

    /** Inserts the queued rows: the positions first, then their outbox records. */
    void flush() throws SQLException {
        if (queued == 0) {
            return;
        }
        positions.executeBatch();
        outbox.flush();
        queued = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            positions.close();
        } finally {
            outbox.close();
        }
    }
}
