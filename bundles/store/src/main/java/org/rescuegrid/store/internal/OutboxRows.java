package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.rescuegrid.store.outbox.OutboxAppender;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Inserts outbox rows without a ledger row. The store's positions and device events use it because their own
 * tables keep the event id, and a resend uses it because the ledger already holds the record.
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    /**
     * Inserts one outbox row on the caller's connection, which must have auto-commit off.
     *
     * @throws IllegalArgumentException when the record type has another form than {@link OutboxAppender#RECORD_TYPE}
     */
    public static void insert(Connection connection, String eventId, String recordType, Instant createdAt, String payload)
            throws SQLException {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(payload, "payload");
        if (recordType == null || !OutboxAppender.RECORD_TYPE.matcher(recordType).matches()) {
            throw new IllegalArgumentException("outbox record type '" + recordType + "' is invalid; use a lower-case name such as incident-step");
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("outbox record " + eventId + " must be appended inside a transaction; turn auto-commit off first");
        }
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
