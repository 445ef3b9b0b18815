package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.rescuegrid.store.schema.Jdbc;

/** Appends a record to the outbox on the caller's connection, so that it commits or rolls back with the caller's record. */
final class OutboxWriter {

    private OutboxWriter() {
    }

    static void append(Connection connection, String eventId, String recordType, Instant createdAt, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (event_id, record_type, created_at, payload) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, recordType);
            Jdbc.setInstant(insert, 3, createdAt);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
    }
}
