package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.feed.support.IdDigest;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.ObjectMapper;

class HqReconciliationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT_1 = "3f2b8c1e-6a0d-4c57-9a43-0d7e5b1f2a61";
    private static final String EVENT_2 = "9d4e7f20-1b3c-4e8a-b6d5-2c9f0a7e4b18";
    private static final String EVENT_3 = "c1a5e9b3-7d2f-4a60-8e14-5b3d9c0f7a22";
    private static final String EVENT_4 = "0b6e2d41-5f3a-4c9e-8d17-a2c4e6f80b35";
    private static final LocalDate DAY = LocalDate.parse("2026-12-04");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private HqRecordStore store;
    private HqReconciliation reconciliation;

    @BeforeEach
    void open() throws SQLException {
        derby = new EmbeddedDerby(directory);
        HqDatabase database = new HqDatabase(derby.dataSource());
        store = new HqRecordStore(database);
        reconciliation = new HqReconciliation(database);
        store.store("PB-LHR", List.of(status(EVENT_1, "2026-12-04T00:00:00Z"), status(EVENT_2, "2026-12-04T12:00:00Z"),
                status(EVENT_3, "2026-12-04T23:59:59.999Z"), status(UUID.randomUUID().toString(), "2026-12-05T00:00:00Z")));
    }

    @AfterEach
    void close() throws SQLException {
        derby.close();
    }

    @Test
    void digestVectorMatchesUplink() {
        IdDigest digest = new IdDigest();
        digest.add(EVENT_1);
        digest.add(EVENT_2);

        assertEquals(2, digest.count());
        assertEquals(DIGEST_1_2, digest.hex());
    }

    @Test
    void digestIgnoresOrder() {
        IdDigest forward = new IdDigest();
        forward.add(EVENT_1);
        forward.add(EVENT_2);
        IdDigest backward = new IdDigest();
        backward.add(EVENT_2);
        backward.add(EVENT_1);

        assertEquals(forward.hex(), backward.hex());
    }

    @Test
    void auditChainWithSameHeadMatches() throws SQLException {
        auditRecords("PB-LHR", 3);

        HqReconciliation.AuditChainComparison comparison = reconciliation.compareAuditChain("PB-LHR", DAY, 3, 3, auditHash(3));

        assertEquals(new HqReconciliation.AuditChainComparison(3, 3, true), comparison);
        assertEquals("MATCH", derby.queryString("SELECT state FROM hq_reconciliation WHERE record_type = 'audit-chain'"));
    }

    @Test
    void auditChainShorterAtDistrictDiffers() throws SQLException {
        auditRecords("PB-LHR", 5);

        HqReconciliation.AuditChainComparison comparison = reconciliation.compareAuditChain("PB-LHR", DAY, 3, 3, auditHash(3));

        assertEquals(new HqReconciliation.AuditChainComparison(5, 5, false), comparison);
        assertEquals(3, derby.queryLong("SELECT district_count FROM hq_reconciliation WHERE record_type = 'audit-chain'"));
        assertEquals(5, derby.queryLong("SELECT hq_count FROM hq_reconciliation WHERE record_type = 'audit-chain'"));
        assertEquals("COMPLETE", derby.queryString("SELECT state FROM hq_reconciliation WHERE record_type = 'audit-chain'"));
    }

    @Test
    void auditChainWithOtherHashDiffers() throws SQLException {
        auditRecords("PB-LHR", 3);
        auditRecords("PB-RWP", 4);

        HqReconciliation.AuditChainComparison comparison = reconciliation.compareAuditChain("PB-LHR", DAY, 3, 3, "0".repeat(64));

        assertEquals(new HqReconciliation.AuditChainComparison(3, 3, false), comparison);
    }

    @Test
    void auditChainMissingAtHqCounted() throws SQLException {
        auditRecords("PB-LHR", 2);

        HqReconciliation.AuditChainComparison comparison = reconciliation.compareAuditChain("PB-LHR", DAY, 4, 4, auditHash(4));

        assertEquals(new HqReconciliation.AuditChainComparison(2, 2, false), comparison);
        assertEquals(2, derby.queryLong("SELECT missing_count FROM hq_reconciliation WHERE record_type = 'audit-chain'"));
    }

    /** Inserts records 1 to {@code count} of a province's chain into hq_audit, each with hash {@link #auditHash}. */
    private void auditRecords(String province, int count) throws SQLException {
        for (int seq = 1; seq <= count; seq++) {
            derby.execute("INSERT INTO hq_audit (event_id, province, seq, recorded_at, actor, source, action, targets, previous_hash, hash)"
                    + " VALUES ('" + UUID.randomUUID() + "', '" + province + "', " + seq + ", TIMESTAMP('2026-12-04 10:00:00'), 'admin',"
                    + " 'CONSOLE', 'sop-publish', 'fire', '" + auditHash(seq - 1) + "', '" + auditHash(seq) + "')");
        }
    }

    private static String auditHash(int seq) {
        return String.format("%064x", seq);
    }

    @Test
    void sameIdsMatch() throws SQLException {
        HqReconciliation.Run run = reconciliation.compare("PB-LHR", DAY,
                List.of(new HqReconciliation.TypeSummary("device-status", 3, digest(EVENT_1, EVENT_2, EVENT_3))));

        HqReconciliation.TypeComparison comparison = run.types().get(0);
        assertTrue(comparison.match());
        assertEquals(3, comparison.hqCount());
        assertEquals("MATCH", derby.queryString("SELECT state FROM hq_reconciliation"));
    }

    @Test
    void missingIdsFoundByChunks() throws SQLException {
        HqReconciliation.Run run = reconciliation.compare("PB-LHR", DAY,
                List.of(new HqReconciliation.TypeSummary("device-status", 4, digest(EVENT_1, EVENT_2, EVENT_3, EVENT_4))));

        List<String> first = reconciliation.missing("PB-LHR", run.runId(), DAY, "device-status", List.of(EVENT_1, EVENT_2), false);
        assertEquals("CHECKING", derby.queryString("SELECT state FROM hq_reconciliation"));
        List<String> second = reconciliation.missing("PB-LHR", run.runId(), DAY, "device-status", List.of(EVENT_3, EVENT_4), true);

        assertFalse(run.types().get(0).match());
        assertEquals(3, run.types().get(0).hqCount(), "the record of the next day is not counted");
        assertEquals(List.of(), first);
        assertEquals(List.of(EVENT_4), second);
        assertEquals(1, derby.queryLong("SELECT missing_count FROM hq_reconciliation"));
        assertEquals(EVENT_4, derby.queryString("SELECT missing_ids FROM hq_reconciliation"));
        assertEquals("COMPLETE", derby.queryString("SELECT state FROM hq_reconciliation"));
    }

    @Test
    void otherProvinceRecordsAreMissing() throws SQLException {
        HqReconciliation.Run run = reconciliation.compare("PB-RWP", DAY,
                List.of(new HqReconciliation.TypeSummary("device-status", 1, digest(EVENT_1))));

        List<String> missing = reconciliation.missing("PB-RWP", run.runId(), DAY, "device-status", List.of(EVENT_1), true);

        assertEquals(0, run.types().get(0).hqCount());
        assertEquals(List.of(EVENT_1), missing);
    }

    @Test
    void replacedRunIsRejected() throws SQLException {
        List<HqReconciliation.TypeSummary> summary = List.of(new HqReconciliation.TypeSummary("device-status", 1, digest(EVENT_4)));
        HqReconciliation.Run first = reconciliation.compare("PB-LHR", DAY, summary);
        reconciliation.compare("PB-LHR", DAY, summary);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reconciliation.missing("PB-LHR", first.runId(), DAY, "device-status", List.of(EVENT_4), true));

        assertTrue(e.getMessage().contains("replaced"), e.getMessage());
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM hq_reconciliation"));
    }

    /** Digest of EVENT_1 and EVENT_2; the uplink's DistrictReconcilerTest checks the same value. */
    static final String DIGEST_1_2 = "a4438d02643f7def";

    private static String digest(String... ids) {
        IdDigest digest = new IdDigest();
        for (String id : ids) {
            digest.add(id);
        }
        return digest.hex();
    }

    private static ReceivedRecord status(String eventId, String createdAt) {
        return new ReceivedRecord(eventId, "device-status", Instant.parse(createdAt),
                MAPPER.createObjectNode().put("deviceId", "TRK-LHR-01"));
    }
}
