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

    /** SQLState class of a data exception (a value too long or out of range): resending cannot help. */
    private static final String DATA_EXCEPTION_CLASS = "22";

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
            for (int i = 0; i < records.size(); i++) {
                ReceivedRecord record = records.get(i);
                boolean inserted;
                try {
                    inserted = insert(connection, insertRecord, insertPosition, insertEvent, province, record, receivedAt);
                } catch (InvalidBatchException e) {
                    throw rejected(i, record, e.getMessage());
                } catch (SQLException e) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
                        throw rejected(i, record, "a value does not fit HQ's columns: " + e.getMessage());
                    }
                    throw e;
                }
                if (!inserted) {
                    duplicates++;
                }
                accepted.add(record.eventId());
            }
        }
        return new Outcome(accepted, duplicates);
    }

    /**
     * A Kafka message HQ cannot store because of its content.
     *
     * @param key the message key (the province code the district produced with), or null
     * @param eventId the event id read from the value, or null when it could not be read
     * @param value the message value as received, or null
     */
    record RejectedMessage(String topic, int partition, long offset, String key, String eventId, String reason, String value) {
    }

    /**
     * Stores rejected Kafka messages in one transaction and returns how many were new; a message delivered
     * again after a consumer change keeps its first row.
     */
    int storeRejected(List<RejectedMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return 0;
        }
        Instant rejectedAt = Instant.now();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            int inserted = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_rejected_message"
                    + " (topic, kafka_partition, kafka_offset, message_key, event_id, rejected_at, reason, message_value)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RejectedMessage message : messages) {
                    insert.setString(1, message.topic());
                    insert.setInt(2, message.partition());
                    insert.setLong(3, message.offset());
                    insert.setString(4, truncate(message.key(), 64));
                    insert.setString(5, truncate(message.eventId(), 64));
                    Jdbc.setInstant(insert, 6, rejectedAt);
                    insert.setString(7, truncate(message.reason(), 1000));
                    insert.setString(8, message.value());
                    try {
                        insert.executeUpdate();
                        inserted++;
                    } catch (SQLException e) {
                        if (!Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
                connection.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    /** Inserts a record with its projection and returns false when HQ already has its event id. */
    private static boolean insert(Connection connection, PreparedStatement insertRecord, PreparedStatement insertPosition,
            PreparedStatement insertEvent, String province, ReceivedRecord record, Instant receivedAt) throws SQLException {
        if (!insertRecord(insertRecord, province, record, receivedAt)) {
            return false;
        }
        try {
            project(connection, insertPosition, insertEvent, province, record);
        } catch (SQLException e) {
            // A record resent after reconciliation whose hq_record row was deleted by hand may still have its
            // projected row. That row came from the same event, so it is kept, and Derby rolls back only the
            // failed statement.
            if (!Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
        return true;
    }

    private static void project(Connection connection, PreparedStatement insertPosition, PreparedStatement insertEvent, String province,
            ReceivedRecord record) throws SQLException {
        if (PositionProjection.TYPE.equals(record.type())) {
            PositionProjection.insert(insertPosition, province, record);
        } else if (DeviceEventProjection.TYPE.equals(record.type())) {
            DeviceEventProjection.insert(insertEvent, province, record);
        } else if (FrontOfficeProjections.handles(record.type())) {
            FrontOfficeProjections.project(connection, province, record);
        } else if (ComplianceProjection.TYPE.equals(record.type())) {
            ComplianceProjection.project(connection, province, record);
        } else if (AuditProjection.TYPE.equals(record.type())) {
            AuditProjection.project(connection, province, record);
        }
    }

    private static InvalidBatchException rejected(int index, ReceivedRecord record, String reason) {
        String message = "records[" + index + "] (event " + record.eventId() + ") is invalid: " + reason;
        return new InvalidBatchException(message, List.of(new InvalidBatchException.RecordRejection(index, record.eventId(), message)));
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
