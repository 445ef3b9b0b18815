package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.feed.support.IdDigest;
import org.rescuegrid.store.schema.Jdbc;

/**
 * HQ's side of reconciliation with a district. The district first sends, per record type, the count and
 * {@link IdDigest} of its ids of one UTC day. A type whose count and digest agree with HQ's is done. For
 * any other type the district sends its ids in chunks and HQ returns those it lacks. The result of each
 * district, day and type is kept in {@code hq_reconciliation}, replaced by the next reconciliation.
 */
@Component(service = HqReconciliation.class)
public class HqReconciliation {

    /** How many missing ids the stored result lists; the count covers them all. */
    static final int LISTED_MISSING_IDS = 20;

    /** Record type of the hq_reconciliation row that contains the audit chain comparison. */
    static final String AUDIT_CHAIN = "audit-chain";

    /** Ids per {@code IN} list of one query. */
    private static final int QUERY_CHUNK = 500;

    private final HqDatabase database;

    @Activate
    public HqReconciliation(@Reference HqDatabase database) {
        this.database = database;
    }

    /** Count and digest of one record type of a day, as the district computed them. */
    record TypeSummary(String type, long count, String digest) {
    }

    /** HQ's count of one type and whether it matches the district's count and digest. */
    record TypeComparison(String type, long districtCount, long hqCount, boolean match) {
    }

    /** Compares a district's summary with HQ's records and starts a run whose result replaces the previous one. */
    Run compare(String province, LocalDate day, List<TypeSummary> district) throws SQLException {
        String runId = UUID.randomUUID().toString();
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<TypeComparison> comparisons = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (TypeSummary summary : district) {
                IdDigest digest = digest(connection, province, summary.type(), from, to);
                boolean match = digest.count() == summary.count() && digest.hex().equals(summary.digest());
                comparisons.add(new TypeComparison(summary.type(), summary.count(), digest.count(), match));
                save(connection, province, day, runId, summary.count(), digest.count(), summary.type(), match);
            }
        }
        return new Run(runId, comparisons);
    }

    /** A started reconciliation. */
    record Run(String runId, List<TypeComparison> types) {
    }

    /**
     * Returns the ids of the chunk that HQ does not hold for the district, and adds them to the run's result.
     * The chunk marked last completes the type.
     *
     * @throws IllegalStateException when the run is unknown or a later reconciliation of the day replaced it
     */
    List<String> missing(String province, String runId, LocalDate day, String type, List<String> ids, boolean last) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try {
                String listed = listedIds(connection, province, runId, day, type);
                List<String> missing = missingOf(connection, province, ids);
                for (String id : missing) {
                    if (countListed(listed) >= LISTED_MISSING_IDS) {
                        break;
                    }
                    listed = listed.isEmpty() ? id : listed + "," + id;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE hq_reconciliation SET missing_count = missing_count + ?,"
                        + " missing_ids = ?, state = ?, checked_at = ? WHERE province = ? AND recon_day = ? AND record_type = ? AND run_id = ?")) {
                    update.setLong(1, missing.size());
                    update.setString(2, listed);
                    update.setString(3, last ? "COMPLETE" : "CHECKING");
                    Jdbc.setInstant(update, 4, Instant.now());
                    update.setString(5, province);
                    update.setObject(6, Date.valueOf(day));
                    update.setString(7, type);
                    update.setString(8, runId);
                    update.executeUpdate();
                }
                connection.commit();
                return missing;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** HQ's copy of a district's audit chain against the district's head. */
    record AuditChainComparison(long hqRecords, long hqLastSeq, boolean match) {
    }

    /**
     * Compares the head of a district's audit chain with HQ's copy in {@code hq_audit}, and keeps the result as the
     * day's {@value #AUDIT_CHAIN} row for the dashboard: the chain lengths as the counts, and as missing the records
     * the district has beyond HQ's newest. Records HQ holds beyond the district's newest, which the district lost or
     * deleted, show as unknown to the district.
     */
    AuditChainComparison compareAuditChain(String province, LocalDate day, long districtRecords, long districtLastSeq, String districtLastHash)
            throws SQLException {
        try (Connection connection = database.connect()) {
            long hqRecords;
            long hqLastSeq;
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), MAX(seq) FROM hq_audit WHERE province = ?")) {
                query.setString(1, province);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    hqRecords = rs.getLong(1);
                    hqLastSeq = rs.getLong(2);
                }
            }
            boolean sameHash = districtLastSeq == 0;
            if (districtLastSeq > 0) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM hq_audit WHERE province = ? AND seq = ? AND hash = ?")) {
                    query.setString(1, province);
                    query.setLong(2, districtLastSeq);
                    query.setString(3, districtLastHash);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        sameHash = rs.getLong(1) > 0;
                    }
                }
            }
            boolean match = sameHash && hqLastSeq == districtLastSeq && hqRecords == districtRecords;
            String runId = UUID.randomUUID().toString();
            save(connection, province, day, runId, districtRecords, hqRecords, AUDIT_CHAIN, true);
            try (PreparedStatement update = connection.prepareStatement("UPDATE hq_reconciliation SET missing_count = ?, state = ?"
                    + " WHERE province = ? AND recon_day = ? AND record_type = ? AND run_id = ?")) {
                update.setLong(1, match ? 0 : Math.max(0, districtRecords - hqRecords));
                update.setString(2, match ? "MATCH" : "COMPLETE");
                update.setString(3, province);
                update.setObject(4, Date.valueOf(day));
                update.setString(5, AUDIT_CHAIN);
                update.setString(6, runId);
                update.executeUpdate();
            }
            return new AuditChainComparison(hqRecords, hqLastSeq, match);
        }
    }

    private static IdDigest digest(Connection connection, String province, String type, Instant from, Instant to) throws SQLException {
        IdDigest digest = new IdDigest();
        try (PreparedStatement query = connection.prepareStatement("SELECT event_id FROM hq_record"
                + " WHERE province = ? AND record_type = ? AND created_at >= ? AND created_at < ?")) {
            query.setFetchSize(1000);
            query.setString(1, province);
            query.setString(2, type);
            Jdbc.setInstant(query, 3, from);
            Jdbc.setInstant(query, 4, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    digest.add(rs.getString(1));
                }
            }
        }
        return digest;
    }

    private static void save(Connection connection, String province, LocalDate day, String runId, long districtCount, long hqCount,
            String type, boolean match) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hq_reconciliation WHERE province = ? AND recon_day = ? AND record_type = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_reconciliation (province, recon_day, record_type,"
                        + " run_id, checked_at, district_count, hq_count, missing_count, missing_ids, state) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '', ?)")) {
            delete.setString(1, province);
            delete.setObject(2, Date.valueOf(day));
            delete.setString(3, type);
            delete.executeUpdate();
            insert.setString(1, province);
            insert.setObject(2, Date.valueOf(day));
            insert.setString(3, type);
            insert.setString(4, runId);
            Jdbc.setInstant(insert, 5, Instant.now());
            insert.setLong(6, districtCount);
            insert.setLong(7, hqCount);
            insert.setString(8, match ? "MATCH" : "CHECKING");
            insert.executeUpdate();
        }
    }

    private static String listedIds(Connection connection, String province, String runId, LocalDate day, String type) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT missing_ids FROM hq_reconciliation"
                + " WHERE province = ? AND recon_day = ? AND record_type = ? AND run_id = ?")) {
            query.setString(1, province);
            query.setObject(2, Date.valueOf(day));
            query.setString(3, type);
            query.setString(4, runId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("reconciliation run " + runId + " of " + day + " and type " + type
                            + " is unknown or was replaced by a later one; start the reconciliation again");
                }
                return rs.getString(1);
            }
        }
    }

    private static List<String> missingOf(Connection connection, String province, List<String> ids) throws SQLException {
        Set<String> present = new HashSet<>();
        for (int start = 0; start < ids.size(); start += QUERY_CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + QUERY_CHUNK));
            String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT event_id FROM hq_record WHERE province = ? AND event_id IN (" + placeholders + ")")) {
                query.setString(1, province);
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!present.contains(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static int countListed(String listed) {
        return listed.isEmpty() ? 0 : listed.split(",").length;
    }
}
