package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.rescuegrid.store.schema.Jdbc;

/** Writes the ledger row of a record appended to the outbox, on the caller's connection. */
public final class LedgerRows {

    private LedgerRows() {
    }

    /**
     * Inserts the record into the ledger unless the ledger already holds its event id. The first row is kept,
     * as HQ keeps the first record of an event id: a later record with the same id changes nothing there.
     */
    public static void insert(Connection connection, String eventId, String recordType, Instant createdAt, String payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO record_ledger (event_id, record_type, record_day, created_at, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, recordType);
            // A DATE has no zone: Date.valueOf and Derby both use the JVM zone, so the day is stored as written.
            insert.setDate(3, Date.valueOf(utcDay(createdAt)));
            Jdbc.setInstant(insert, 4, createdAt);
            insert.setString(5, payload);
            insert.executeUpdate();
        } catch (SQLException e) {
            // Derby rolls back only the failed statement, so the caller's transaction goes on.
            if (!Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    static LocalDate utcDay(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }
}
