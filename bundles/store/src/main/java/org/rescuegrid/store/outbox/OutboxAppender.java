package org.rescuegrid.store.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.rescuegrid.store.schema.Jdbc;

/**
 * Appends a record to the node's outbox on the caller's connection, so that it commits or rolls back
 * with the caller's own rows. Bundles with tables of their own in the rescuegrid database use it to
 * send their records to HQ: open a transaction on the {@code (dataSourceName=rescuegrid)} DataSource,
 * write the rows, append the outbox record, commit.
 */
public final class OutboxAppender {

    /** Form of record types that HQ accepts: a lower-case name of at most 32 characters. */
    public static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private OutboxAppender() {
    }

    /**
     * Inserts one outbox row. The connection must have auto-commit off, or the row would leave for HQ
     * even when the caller's transaction later rolls back.
     *
     * @param eventId the record's UUID in its 36-character text form, by which HQ deduplicates it
     * @param recordType lower-case name such as {@code position} or {@code incident-step}
     * @param createdAt when the record was created on this node
     * @param payload the record as a JSON object
     * @throws IllegalArgumentException when the record type has another form
     */
    public static void append(Connection connection, String eventId, String recordType, Instant createdAt, String payload)
            throws SQLException {
        try (Batch batch = batch(connection)) {
            batch.add(eventId, recordType, createdAt, payload);
            batch.flush();
        }
    }

    /**
     * Opens a batch of outbox rows on the caller's connection, for a writer that appends many records in one
     * transaction: {@link Batch#add} queues a row, {@link Batch#flush} inserts the queued rows in one JDBC batch.
     * The same rules as for {@link #append} apply.
     */
    public static Batch batch(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("outbox records must be appended inside a transaction; turn auto-commit off first");
        }
        return new Batch(connection.prepareStatement("INSERT INTO outbox (event_id, record_type, created_at, payload) VALUES (?, ?, ?, ?)"));
    }

    /** Outbox rows queued on one connection and inserted together. Not thread-safe. */
    public static final class Batch implements AutoCloseable {

        private final PreparedStatement insert;
        private int queued;

        private Batch(PreparedStatement insert) {
            this.insert = insert;
        }

        /**
         * Queues one outbox row; see {@link OutboxAppender#append} for the parameters.
         *
         * @throws IllegalArgumentException when the record type has another form
         */
        public void add(String eventId, String recordType, Instant createdAt, String payload) throws SQLException {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(payload, "payload");
            if (recordType == null || !RECORD_TYPE.matcher(recordType).matches()) {
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
        public void flush() throws SQLException {
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
