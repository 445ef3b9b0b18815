package org.rescuegrid.backoffice.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rescuegrid.api.audit.AuditChainCheck;
import org.rescuegrid.api.audit.AuditChainHead;
import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditHash;
import org.rescuegrid.api.audit.AuditSource;
import org.rescuegrid.store.outbox.OutboxAppender;
import org.rescuegrid.store.schema.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hash-chained audit trail in table {@code bo_audit}. Record n stores the hash of record n-1, and its
 * own hash follows {@link AuditHash}, which HQ applies to its copy too. The first record's previous hash
 * is 64 zeros. Editing a field breaks that record's hash; deleting or moving a
 * record breaks the sequence or the next record's previous hash. Each record is appended with its
 * outbox record for HQ in one transaction.
 */
public final class AuditChain implements AuditTrail {

    public static final String RECORD_TYPE = "audit";
    static final String GENESIS = AuditHash.GENESIS;
    static final int MAX_TEXT = 4000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BackOfficeDatabase database;
    private final Clock clock;

    public AuditChain(BackOfficeDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public synchronized long record(AuditEntry entry) {
        try {
            AuditRecord stored = database.inTransaction(connection -> append(connection, entry));
            LOG.debug("audit={} {} by {} ({}) on {}", stored.seq(), stored.action(), stored.actor(), stored.source().label(), stored.targets());
            return stored.seq();
        } catch (SQLException e) {
            throw new IllegalStateException("audit record of " + entry.action() + " by " + entry.actor() + " could not be stored: " + e.getMessage(), e);
        }
    }

    private AuditRecord append(Connection connection, AuditEntry entry) throws SQLException {
        long previousSeq = 0;
        String previousHash = GENESIS;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT seq, hash FROM bo_audit WHERE seq = (SELECT MAX(seq) FROM bo_audit)");
                ResultSet rs = head.executeQuery()) {
            if (rs.next()) {
                previousSeq = rs.getLong(1);
                previousHash = rs.getString(2);
            }
        }
        long seq = previousSeq + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String eventId = UUID.randomUUID().toString();
        AuditRecord unhashed = new AuditRecord(seq, eventId, now, clip(entry.actor(), 128), entry.source(), clip(entry.remoteAddress(), 128),
                clip(entry.action(), 64), entry.targets(), clip(entry.before(), MAX_TEXT), clip(entry.after(), MAX_TEXT), previousHash, null);
        String targets = clip(String.join(",", unhashed.targets()), 1000);
        AuditRecord record = new AuditRecord(seq, eventId, now, unhashed.actor(), unhashed.source(), unhashed.remoteAddress(), unhashed.action(),
                targets.isEmpty() ? List.of() : List.of(targets.split(",", -1)), unhashed.before(), unhashed.after(), previousHash,
                hash(unhashed.seq(), eventId, now, unhashed.actor(), unhashed.source().name(), unhashed.remoteAddress(), unhashed.action(),
                        targets, unhashed.before(), unhashed.after(), previousHash));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bo_audit (seq, event_id, recorded_at, actor, source,"
                + " remote_address, action, targets, before_summary, after_summary, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, eventId);
            Jdbc.setInstant(insert, 3, now);
            insert.setString(4, record.actor());
            insert.setString(5, record.source().name());
            insert.setString(6, record.remoteAddress());
            insert.setString(7, record.action());
            insert.setString(8, targets);
            insert.setString(9, record.before());
            insert.setString(10, record.after());
            insert.setString(11, previousHash);
            insert.setString(12, record.hash());
            insert.executeUpdate();
        }
        OutboxAppender.append(connection, eventId, RECORD_TYPE, now, payload(record));
        return record;
    }

    @Override
    public List<AuditRecord> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM bo_audit WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" AND recorded_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND recorded_at < ?");
            parameters.add(query.to());
        }
        if (query.actor() != null) {
            sql.append(" AND actor = ?");
            parameters.add(query.actor());
        }
        if (query.action() != null) {
            sql.append(" AND action = ?");
            parameters.add(query.action());
        }
        if (query.source() != null) {
            sql.append(" AND source = ?");
            parameters.add(query.source().name());
        }
        if (query.target() != null) {
            sql.append(" AND (targets = ? OR targets LIKE ? OR targets LIKE ? OR targets LIKE ?)");
            parameters.addAll(List.of(query.target(), query.target() + ",%", "%," + query.target(), "%," + query.target() + ",%"));
        }
        sql.append(" ORDER BY seq DESC");
        try {
            List<AuditRecord> result = database.read(connection -> {
                List<AuditRecord> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                    select.setMaxRows(query.limit());
                    for (int i = 0; i < parameters.size(); i++) {
                        Object value = parameters.get(i);
                        if (value instanceof Instant instant) {
                            Jdbc.setInstant(select, i + 1, instant);
                        } else {
                            select.setString(i + 1, (String) value);
                        }
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.add(row(rs));
                        }
                    }
                }
                return rows;
            });
            java.util.Collections.reverse(result);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("audit records could not be read: " + e.getMessage(), e);
        }
    }

    /** Checks the whole chain in sequence order with {@link AuditChainCheck} and returns the first broken record. */
    @Override
    public AuditVerification verify() {
        try {
            return database.read(connection -> {
                AuditChainCheck check = new AuditChainCheck();
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM bo_audit ORDER BY seq");
                        ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord record = row(rs);
                        Optional<String> broken = check.next(record.seq(), record.previousHash(), hash(record), record.hash());
                        if (broken.isPresent()) {
                            return new AuditVerification(check.verified(), check.expectedSeq(), broken.get());
                        }
                    }
                }
                // Deleting the newest records leaves a shorter chain that verifies: reconciliation with HQ compares head() with HQ's copy.
                return new AuditVerification(check.verified(), 0, null);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("audit records could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public AuditChainHead head() {
        try {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT (SELECT COUNT(*) FROM bo_audit), seq, hash FROM bo_audit"
                        + " WHERE seq = (SELECT MAX(seq) FROM bo_audit)");
                        ResultSet rs = select.executeQuery()) {
                    return rs.next() ? new AuditChainHead(rs.getLong(1), rs.getLong(2), rs.getString(3)) : new AuditChainHead(0, 0, null);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("head of the audit chain could not be read: " + e.getMessage(), e);
        }
    }

    static String hash(AuditRecord record) {
        return hash(record.seq(), record.eventId(), record.recordedAt(), record.actor(), record.source().name(), record.remoteAddress(),
                record.action(), String.join(",", record.targets()), record.before(), record.after(), record.previousHash());
    }

    static String hash(long seq, String eventId, Instant recordedAt, String actor, String source, String remoteAddress, String action,
            String targets, String before, String after, String previousHash) {
        return AuditHash.of(seq, eventId, recordedAt, actor, source, remoteAddress, action, targets, before, after, previousHash);
    }

    private static AuditRecord row(ResultSet rs) throws SQLException {
        String targets = rs.getString("targets");
        return new AuditRecord(rs.getLong("seq"), rs.getString("event_id"), Jdbc.getInstant(rs, "recorded_at"), rs.getString("actor"),
                AuditSource.valueOf(rs.getString("source")), rs.getString("remote_address"), rs.getString("action"),
                targets.isEmpty() ? List.of() : List.of(targets.split(",", -1)), rs.getString("before_summary"), rs.getString("after_summary"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static String payload(AuditRecord record) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("seq", record.seq());
        payload.put("eventId", record.eventId());
        payload.put("recordedAt", record.recordedAt().toString());
        payload.put("actor", record.actor());
        payload.put("source", record.source().label());
        payload.put("remoteAddress", record.remoteAddress());
        payload.put("action", record.action());
        payload.put("targets", record.targets());
        payload.put("before", record.before());
        payload.put("after", record.after());
        payload.put("previousHash", record.previousHash());
        payload.put("hash", record.hash());
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record " + record.seq() + " could not be written as JSON", e);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
