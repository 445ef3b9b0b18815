package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.outbox.Outbox;
import org.rescuegrid.api.outbox.OutboxRecord;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Reads the outbox in sequence order, removes records once HQ has confirmed them, and moves records HQ
 * rejected for their content to table outbox_rejected.
 */
@Component(service = Outbox.class)
public class DerbyOutbox implements Outbox {

    /** Length of column outbox_rejected.reason. */
    private static final int REASON_LENGTH = 1000;

    private final StoreDatabase database;
    private volatile String primaryKey;

    @Activate
    public DerbyOutbox(@Reference StoreDatabase database) {
        this.database = database;
    }

    @Override
    public List<OutboxRecord> peek(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("outbox batch size " + max + " is invalid; request at least 1 record");
        }
        // The primary key's index is named because Derby's optimizer sometimes took a table scan and sorted the
        // whole backlog, payloads included, at every poll: at saturation that was most of the node's CPU.
        String sql = "SELECT seq, event_id, record_type, created_at, payload FROM outbox --DERBY-PROPERTIES constraint=\""
                + primaryKey() + "\"\n ORDER BY seq FETCH FIRST " + max + " ROWS ONLY";
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            List<OutboxRecord> records = new ArrayList<>();
            while (rs.next()) {
                records.add(new OutboxRecord(rs.getLong("seq"), rs.getString("event_id"), rs.getString("record_type"),
                        Jdbc.getInstant(rs, "created_at"), rs.getString("payload")));
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox could not be read: " + e.getMessage(), e);
        }
    }

    /** Returns the name Derby gave the outbox's primary key, which the table's definition leaves unnamed. */
    private String primaryKey() {
        String name = primaryKey;
        if (name != null) {
            return name;
        }
        String sql = "SELECT c.constraintname FROM sys.sysconstraints c JOIN sys.systables t ON c.tableid = t.tableid"
                + " WHERE t.tablename = 'OUTBOX' AND c.type = 'P'";
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the outbox table has no primary key; the store's migrations did not run");
            }
            primaryKey = rs.getString(1);
            return primaryKey;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public int remove(Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return 0;
        }
        try {
            return database.inTransaction(connection -> {
                int removed = 0;
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
                    for (long seq : sequences) {
                        delete.setLong(1, seq);
                        delete.addBatch();
                    }
                    for (int count : delete.executeBatch()) {
                        removed += count;
                    }
                }
                return removed;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("confirmed outbox records could not be removed, they will be sent again: " + e.getMessage(), e);
        }
    }

    @Override
    public long backlog() {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM outbox");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("outbox backlog could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public int reject(Map<Long, String> reasonsBySequence) {
        if (reasonsBySequence.isEmpty()) {
            return 0;
        }
        Instant rejectedAt = Instant.now();
        try {
            return database.inTransaction(connection -> {
                int moved = 0;
                try (PreparedStatement copy = connection.prepareStatement(
                        "INSERT INTO outbox_rejected (seq, event_id, record_type, created_at, payload, rejected_at, reason)"
                                + " SELECT seq, event_id, record_type, created_at, payload, ?, ? FROM outbox WHERE seq = ?");
                        PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
                    for (Map.Entry<Long, String> entry : reasonsBySequence.entrySet()) {
                        Jdbc.setInstant(copy, 1, rejectedAt);
                        copy.setString(2, limit(entry.getValue(), REASON_LENGTH));
                        copy.setLong(3, entry.getKey());
                        // A row another call already moved copies nothing and deletes nothing.
                        if (copy.executeUpdate() == 1) {
                            delete.setLong(1, entry.getKey());
                            moved += delete.executeUpdate();
                        }
                    }
                }
                return moved;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("rejected outbox records could not be set aside, they stay in the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public long rejectedCount() {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM outbox_rejected");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("rejected outbox records could not be counted: " + e.getMessage(), e);
        }
    }

    private static String limit(String reason, int length) {
        String text = reason == null || reason.isBlank() ? "(HQ gave no reason)" : reason;
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
