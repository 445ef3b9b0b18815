package org.rescuegrid.store.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.regex.Pattern;

import org.rescuegrid.store.internal.LedgerRows;
import org.rescuegrid.store.internal.OutboxRows;

/**
 * Appends a record to the node's outbox on the caller's connection, so that it commits or rolls back
 * with the caller's own rows. Bundles with tables of their own in the rescuegrid database use it to
 * send their records to HQ: open a transaction on the {@code (dataSourceName=rescuegrid)} DataSource,
 * write the rows, append the outbox record, commit. The record also goes into the store's ledger, in the
 * same transaction, so that reconciliation with HQ can list it by type and day and queue it again.
 */
public final class OutboxAppender {

    /** Form of record types that HQ accepts: a lower-case name of at most 32 characters. */
    public static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private OutboxAppender() {
    }

    /**
     * Inserts one outbox row and its ledger row. The connection must have auto-commit off, or the row would
     * leave for HQ even when the caller's transaction later rolls back.
     *
     * @param eventId the record's UUID in its 36-character text form, by which HQ deduplicates it
     * @param recordType lower-case name such as {@code position} or {@code incident-step}
     * @param createdAt when the record was created on this node; its UTC day is the record's day in reconciliation
     * @param payload the record as a JSON object
     * @throws IllegalArgumentException when the record type has another form
     */
    public static void append(Connection connection, String eventId, String recordType, Instant createdAt, String payload)
            throws SQLException {
        OutboxRows.insert(connection, eventId, recordType, createdAt, payload);
        LedgerRows.insert(connection, eventId, recordType, createdAt, payload);
    }
}
