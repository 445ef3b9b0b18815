package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.event.StoredDeviceEvent;
import org.rescuegrid.api.outbox.StoredRecords;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Positions and device events read back from their tables for reconciliation with HQ. Their outbox records
 * were created with the time the node received them, so a day is selected by {@code received_at}.
 */
@Component(service = StoredRecords.class)
public class DerbyStoredRecords implements StoredRecords {

    private static final Set<String> TYPES = Set.of(RecordJson.POSITION, RecordJson.DEVICE_EVENT);

    /** Rows Derby fetches per round trip while the ids of a day are streamed. */
    private static final int FETCH_SIZE = 1000;

    private final StoreDatabase database;

    @Activate
    public DerbyStoredRecords(@Reference StoreDatabase database) {
        this.database = database;
    }

    @Override
    public Set<String> recordTypes() {
        return TYPES;
    }

    @Override
    public void eventIds(String recordType, Instant from, Instant to, Consumer<String> consumer) {
        String sql = "SELECT event_id FROM " + table(recordType) + " WHERE received_at >= ? AND received_at < ?";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE);
            Jdbc.setInstant(query, 1, from);
            Jdbc.setInstant(query, 2, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(recordType + " ids from " + from + " to " + to + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public int resend(String recordType, Collection<String> eventIds) {
        String table = table(recordType);
        if (eventIds.isEmpty()) {
            return 0;
        }
        try {
            return database.inTransaction(connection -> {
                int appended = 0;
                String columns = RecordJson.POSITION.equals(recordType) ? DerbyPositionStore.COLUMNS : DerbyDeviceEventStore.COLUMNS;
                try (PreparedStatement query = connection.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE event_id = ?")) {
                    for (String eventId : eventIds) {
                        query.setString(1, eventId);
                        try (ResultSet rs = query.executeQuery()) {
                            if (rs.next()) {
                                append(connection, recordType, rs);
                                appended++;
                            }
                        }
                    }
                }
                return appended;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(eventIds.size() + " " + recordType + " records could not be queued again: " + e.getMessage(), e);
        }
    }

    /** Appends the row as the outbox record its store wrote when it stored the row. */
    private static void append(Connection connection, String recordType, ResultSet rs) throws SQLException {
        if (RecordJson.POSITION.equals(recordType)) {
            StoredPosition stored = DerbyPositionStore.read(rs);
            OutboxRows.insert(connection, stored.eventId(), RecordJson.POSITION, stored.receivedAt(), RecordJson.write(stored.eventId(), stored));
        } else {
            StoredDeviceEvent stored = DerbyDeviceEventStore.read(rs);
            OutboxRows.insert(connection, stored.eventId(), RecordJson.DEVICE_EVENT, stored.receivedAt(),
                    RecordJson.write(stored.eventId(), stored));
        }
    }

    private static String table(String recordType) {
        if (RecordJson.POSITION.equals(recordType)) {
            return "position_fix";
        }
        if (RecordJson.DEVICE_EVENT.equals(recordType)) {
            return "device_event";
        }
        throw new IllegalArgumentException("record type '" + recordType + "' is not read by the store; it reads " + TYPES);
    }
}
