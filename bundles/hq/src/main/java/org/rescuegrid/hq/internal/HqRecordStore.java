package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Stores uploaded batches idempotently by event id. A whole batch commits in one transaction, and a record
 * HQ already has counts as accepted, so a province that resends after a lost response removes it from its outbox.
 */
@Component(service = HqRecordStore.class)
public class HqRecordStore {

    private final HqDatabase database;

    @Activate
    public HqRecordStore(@Reference HqDatabase database) {
        this.database = database;
    }

    /** Result of storing one batch: every event id now committed, and how many of them were already there. */
    record Outcome(List<String> accepted, int duplicates) {
    }

    Outcome store(String province, List<ReceivedRecord> records) throws SQLException {
        Instant receivedAt = Instant.now();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = insertAll(connection, province, records, receivedAt);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Outcome insertAll(Connection connection, String province, List<ReceivedRecord> records, Instant receivedAt)
            throws SQLException {
        List<String> accepted = new ArrayList<>(records.size());
        int duplicates = 0;
        try (PreparedStatement insertRecord = connection.prepareStatement(
                "INSERT INTO hq_record (event_id, province, record_type, created_at, received_at, payload) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement insertPosition = connection.prepareStatement(PositionProjection.INSERT);
                PreparedStatement insertEvent = connection.prepareStatement(DeviceEventProjection.INSERT)) {
            for (ReceivedRecord record : records) {
                if (insertRecord(insertRecord, province, record, receivedAt)) {
                    if (PositionProjection.TYPE.equals(record.type())) {
                        PositionProjection.insert(insertPosition, province, record);
                    } else if (DeviceEventProjection.TYPE.equals(record.type())) {
                        DeviceEventProjection.insert(insertEvent, province, record);
                    } else if (FrontOfficeProjections.handles(record.type())) {
                        FrontOfficeProjections.project(connection, province, record);
                    }
                } else {
                    duplicates++;
                }
                accepted.add(record.eventId());
            }
        }
        return new Outcome(accepted, duplicates);
    }

    /** Inserts a record and returns false when HQ already has its event id. */
    private static boolean insertRecord(PreparedStatement insert, String province, ReceivedRecord record, Instant receivedAt)
            throws SQLException {
        insert.setString(1, record.eventId());
        insert.setString(2, province);
        insert.setString(3, record.type());
        Jdbc.setInstant(insert, 4, record.createdAt());
        Jdbc.setInstant(insert, 5, receivedAt);
        insert.setString(6, record.payload().toString());
        try {
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // Derby rolls back only the failed statement, so the batch's transaction goes on.
            if (Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
