package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.api.audit.AuditChainCheck;
import org.rescuegrid.api.audit.AuditHash;
import org.rescuegrid.hq.HqAuditService;
import org.rescuegrid.hq.HqAuditVerification;
import org.rescuegrid.store.schema.Jdbc;

/** Verifies the audit chains in hq_audit with the node's hash rule ({@link AuditHash}) and walk ({@link AuditChainCheck}). */
@Component(service = HqAuditService.class)
public class HqAuditComponent implements HqAuditService {

    private final HqDatabase database;

    @Activate
    public HqAuditComponent(@Reference HqDatabase database) {
        this.database = database;
    }

    @Override
    public List<String> districts() {
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT province FROM hq_audit ORDER BY province");
                ResultSet rs = select.executeQuery()) {
            List<String> districts = new ArrayList<>();
            while (rs.next()) {
                districts.add(rs.getString(1));
            }
            return districts;
        } catch (SQLException e) {
            throw new IllegalStateException("districts with audit records could not be read from HQ's database: " + e.getMessage(), e);
        }
    }

    @Override
    public HqAuditVerification verify(String district) {
        try (Connection connection = database.connect()) {
            long records = 0;
            AuditChainCheck check = new AuditChainCheck();
            String lastHash = null;
            Instant lastRecordedAt = null;
            // Two records with one sequence number come out side by side, and the second is reported out of order.
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM hq_audit WHERE province = ? ORDER BY seq, event_id")) {
                select.setString(1, district);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        records++;
                        long seq = rs.getLong("seq");
                        Instant recordedAt = Jdbc.getInstant(rs, "recorded_at");
                        String previousHash = rs.getString("previous_hash");
                        String hash = rs.getString("hash");
                        String computed = AuditHash.of(seq, rs.getString("event_id").strip(), recordedAt, rs.getString("actor"),
                                rs.getString("source"), rs.getString("remote_address"), rs.getString("action"), rs.getString("targets"),
                                rs.getString("before_summary"), rs.getString("after_summary"), previousHash);
                        Optional<String> broken = check.next(seq, previousHash, computed, hash);
                        if (broken.isPresent()) {
                            return new HqAuditVerification(district, count(connection, district), check.verified(), check.expectedSeq(),
                                    broken.get(), lastHash, lastRecordedAt);
                        }
                        lastHash = hash;
                        lastRecordedAt = recordedAt;
                    }
                }
            }
            return new HqAuditVerification(district, records, check.verified(), 0, null, lastHash, lastRecordedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("audit records of district " + district + " could not be read from HQ's database: " + e.getMessage(), e);
        }
    }

    private static long count(Connection connection, String district) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM hq_audit WHERE province = ?")) {
            select.setString(1, district);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
