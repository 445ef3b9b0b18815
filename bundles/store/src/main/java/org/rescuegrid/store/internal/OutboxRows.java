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
 * tables keep the event id, and a resend uses it because the ledger already contains the record.
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
        try (Batch batch = batch(connection)) {
            batch.add(eventId, recordType, createdAt, payload);
            batch.flush();
        }
    }

    /**
     * Opens a batch of outbox rows on the caller's connection, for a writer that appends many records in one
     * transaction: {@link Batch#add} queues a row, {@link Batch#flush} inserts the queued rows in one JDBC batch.
     */
    static Batch batch(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("outbox records must be appended inside a transaction; turn auto-commit off first");
        }
        return new Batch(connection.prepareStatement("INSERT INTO outbox (event_id, record_type, created_at, payload) VALUES (?, ?, ?, ?)"));
    }

    /** Outbox rows queued on one connection and inserted together. Not thread-safe. */
    static final class Batch implements AutoCloseable {

        private final PreparedStatement insert;
        private int queued;

        private Batch(PreparedStatement insert) {
            this.insert = insert;
        }

        /**
         * Queues one outbox row.
         *
         * @throws IllegalArgumentException when the record type has another form than {@link OutboxAppender#RECORD_TYPE}
         */
        void add(String eventId, String recordType, Instant createdAt, String payload) throws SQLException {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(payload, "payload");
            if (recordType == null || !OutboxAppender.RECORD_TYPE.matcher(recordType).matches()) {
                throw new IllegalArgumentException("outbox record type '" + recordType + "' is invalid; use a lower-case name such as incident-step");
            }
            insert.setString(1, eventId);
            insert.setString(2, recordType);
            Jdbc.setInstant(insert, 3, createdAt);
            insert.setString(4, payload);
            insert.addBatch();
            queued++;
        }

        /** Inserts the rows queued since the last flush. */
        void flush() throws SQLException {
            if (queued > 0) {
                insert.executeBatch();
                queued = 0;
            }
        }

        /** Closes the statement; rows queued and not flushed are not inserted. */
        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
