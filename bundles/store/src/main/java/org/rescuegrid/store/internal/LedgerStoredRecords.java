package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.outbox.StoredRecords;
import org.rescuegrid.store.schema.Jdbc;

/**
 * The records other bundles appended to the outbox (calls, incidents, step reports, compliance, audit, ...),
 * read back from the ledger for reconciliation with HQ. Most of their own tables do not keep the outbox
 * record's event id, so the ledger keeps it for all of them. It contains only the days its retention keeps:
 * an older day has no records here, and HQ's records of that day count as unknown to the district.
 */
@Component(service = StoredRecords.class)
public class LedgerStoredRecords implements StoredRecords {

    /** Rows Derby fetches per round trip while the ids of a day are streamed. */
    private static final int FETCH_SIZE = 1000;

    private final StoreDatabase database;

    @Activate
    public LedgerStoredRecords(@Reference StoreDatabase database) {
        this.database = database;
    }

    /** Returns the record types the ledger contains now, so a new type of another bundle takes part without a change here. */
    @Override
    public Set<String> recordTypes() {
        Set<String> types = new TreeSet<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT DISTINCT record_type FROM record_ledger");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("record types of the ledger could not be read: " + e.getMessage(), e);
        }
        return types;
    }

    @Override
    public void eventIds(String recordType, Instant from, Instant to, Consumer<String> consumer) {
        if (!from.isBefore(to)) {
            return;
        }
        // The day bounds let Derby read the (record_type, record_day) index; created_at selects the exact period.
        String sql = "SELECT event_id FROM record_ledger WHERE record_type = ? AND record_day >= ? AND record_day <= ?"
                + " AND created_at >= ? AND created_at < ?";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE);
            query.setString(1, recordType);
            query.setDate(2, Date.valueOf(LedgerRows.utcDay(from)));
            query.setDate(3, Date.valueOf(LedgerRows.utcDay(to.minusNanos(1))));
            Jdbc.setInstant(query, 4, from);
            Jdbc.setInstant(query, 5, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(recordType + " ids from " + from + " to " + to + " could not be read from the ledger: "
                    + e.getMessage(), e);
        }
    }

    /** Appends the ledger's records with these ids and this type to the outbox again, with their original time and payload. */
    @Override
    public int resend(String recordType, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        try {
            return database.inTransaction(connection -> {
                int appended = 0;
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT created_at, payload FROM record_ledger WHERE event_id = ? AND record_type = ?")) {
                    for (String eventId : eventIds) {
                        query.setString(1, eventId);
                        query.setString(2, recordType);
                        try (ResultSet rs = query.executeQuery()) {
                            if (rs.next()) {
                                OutboxRows.insert(connection, eventId, recordType, Jdbc.getInstant(rs, "created_at"), rs.getString("payload"));
                                appended++;
                            }
                        }
                    }
                }
                return appended;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(eventIds.size() + " " + recordType + " records could not be queued again from the ledger: "
                    + e.getMessage(), e);
        }
    }
}
