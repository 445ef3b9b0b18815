package org.rescuegrid.backoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.api.audit.AuditChainHead;
import org.rescuegrid.api.audit.AuditEntry;
import org.rescuegrid.api.audit.AuditSource;

class AuditChainTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00.123456Z"), ZoneOffset.UTC);

    @Test
    void intactChainVerifiesAndIsQueued() throws SQLException {
        EmbeddedDataSource dataSource = TestDatabase.inMemory();
        AuditChain chain = new AuditChain(new BackOfficeDatabase(dataSource), CLOCK);
        fill(chain);

        assertEquals("verified 4 records", chain.verify().describe());
        List<String> outbox = TestDatabase.column(dataSource, "SELECT record_type FROM outbox ORDER BY seq");
        assertEquals(List.of("audit", "audit", "audit", "audit"), outbox);
        List<AuditRecord> records = chain.find(new AuditQuery(null, null, null, null, null, null, 10));
        assertEquals(AuditChain.GENESIS, records.get(0).previousHash());
        assertEquals(records.get(0).hash(), records.get(1).previousHash());
        assertEquals(Instant.parse("2026-12-04T10:00:00.123Z"), records.get(0).recordedAt());
        assertEquals(List.of("INC-000001", "AMB-LHR-101"), records.get(1).targets());
        // The hash is SHA-256 over the canonical form, computed here by hand from the same fields.
        AuditRecord first = records.get(0);
        assertEquals(AuditChain.hash(1, first.eventId(), Instant.parse("2026-12-04T10:00:00.123Z"), "sup1", "CONSOLE", null,
                "incident-close", "INC-000001", "open", "closed", AuditChain.GENESIS), first.hash());
    }

    @Test
    void filtersByActorActionSourceAndTarget() throws SQLException {
        AuditChain chain = new AuditChain(new BackOfficeDatabase(TestDatabase.inMemory()), CLOCK);
        fill(chain);
        assertEquals(List.of(2L), seqs(chain.find(new AuditQuery(null, null, null, null, null, "AMB-LHR-101", 10))));
        assertEquals(List.of(3L), seqs(chain.find(new AuditQuery(null, null, null, null, AuditSource.REST, null, 10))));
        assertEquals(List.of(1L, 2L), seqs(chain.find(new AuditQuery(null, null, "sup1", null, null, null, 10))));
        assertEquals(List.of(4L), seqs(chain.find(new AuditQuery(null, null, null, "config-update", null, null, 10))));
        assertEquals(List.of(3L, 4L), seqs(chain.find(new AuditQuery(null, null, null, null, null, null, 2))));
    }

    @Test
    void alteredRecordIsTheFirstBroken() throws SQLException {
        EmbeddedDataSource dataSource = TestDatabase.inMemory();
        AuditChain chain = new AuditChain(new BackOfficeDatabase(dataSource), CLOCK);
        fill(chain);
        assertEquals(1, TestDatabase.update(dataSource, "UPDATE bo_audit SET after_summary = 'nuisance' WHERE seq = 3"));

        AuditVerification verification = chain.verify();
        assertFalse(verification.intact());
        assertEquals(3, verification.firstBroken());
        assertEquals("broken at record 3: its fields do not match its hash (edited) (2 records before it verified)", verification.describe());
    }

    @Test
    void deletedRecordIsReported() throws SQLException {
        EmbeddedDataSource dataSource = TestDatabase.inMemory();
        AuditChain chain = new AuditChain(new BackOfficeDatabase(dataSource), CLOCK);
        fill(chain);
        TestDatabase.update(dataSource, "DELETE FROM bo_audit WHERE seq = 2");

        assertEquals("broken at record 2: record 2 is missing (deleted); the next stored record is 3 (1 records before it verified)",
                chain.verify().describe());
    }

    @Test
    void headShowsDeletedNewestRecords() throws SQLException {
        EmbeddedDataSource dataSource = TestDatabase.inMemory();
        AuditChain chain = new AuditChain(new BackOfficeDatabase(dataSource), CLOCK);
        assertEquals(new AuditChainHead(0, 0, null), chain.head());
        fill(chain);
        String secondHash = chain.find(new AuditQuery(null, null, null, null, null, null, 10)).get(1).hash();

        TestDatabase.update(dataSource, "DELETE FROM bo_audit WHERE seq > 2");

        assertEquals("verified 2 records", chain.verify().describe(), "the shorter chain still verifies on the node");
        assertEquals(new AuditChainHead(2, 2, secondHash), chain.head());
    }

    @Test
    void deletedAndRenumberedRecordsAreReported() throws SQLException {
        EmbeddedDataSource dataSource = TestDatabase.inMemory();
        AuditChain chain = new AuditChain(new BackOfficeDatabase(dataSource), CLOCK);
        fill(chain);
        // Hide the deletion of record 2 by moving 3 and 4 down: record 3's previous hash no longer matches record 1.
        TestDatabase.update(dataSource, "DELETE FROM bo_audit WHERE seq = 2");
        TestDatabase.update(dataSource, "UPDATE bo_audit SET seq = seq - 1 WHERE seq > 2");

        assertEquals(2, chain.verify().firstBroken());
        assertTrue(chain.verify().reason().startsWith("its previous hash does not match the hash of record 1"));
    }

    @Test
    void swappedRecordsAreReported() throws SQLException {
        EmbeddedDataSource dataSource = TestDatabase.inMemory();
        AuditChain chain = new AuditChain(new BackOfficeDatabase(dataSource), CLOCK);
        fill(chain);
        TestDatabase.update(dataSource, "UPDATE bo_audit SET seq = 99 WHERE seq = 2");
        TestDatabase.update(dataSource, "UPDATE bo_audit SET seq = 2 WHERE seq = 3");
        TestDatabase.update(dataSource, "UPDATE bo_audit SET seq = 3 WHERE seq = 99");

        assertEquals(2, chain.verify().firstBroken());
    }

    @Test
    void chainVerifiesAndGrowsAfterARestart(@TempDir Path directory) throws SQLException {
        String name = directory.resolve("rescuegrid").toString();
        AuditChain before = new AuditChain(new BackOfficeDatabase(TestDatabase.open(name)), CLOCK);
        fill(before);
        TestDatabase.shutdown(name);

        EmbeddedDataSource reopened = TestDatabase.open(name);
        AuditChain after = new AuditChain(new BackOfficeDatabase(reopened), CLOCK);
        assertEquals("verified 4 records", after.verify().describe());
        assertEquals(5, after.record(new AuditEntry("admin", AuditSource.CONSOLE, null, "sop-reload", List.of("fire"), "v1", "v2")));
        assertEquals("verified 5 records", after.verify().describe());

        TestDatabase.update(reopened, "UPDATE bo_audit SET actor = 'someone-else' WHERE seq = 1");
        TestDatabase.shutdown(name);
        assertEquals(1, new AuditChain(new BackOfficeDatabase(TestDatabase.open(name)), CLOCK).verify().firstBroken());
        TestDatabase.shutdown(name);
    }

    private static void fill(AuditChain chain) {
        chain.record(new AuditEntry("sup1", AuditSource.CONSOLE, null, "incident-close", List.of("INC-000001"), "open", "closed"));
        chain.record(new AuditEntry("sup1", AuditSource.CONSOLE, null, "incident-step", List.of("INC-000001", "AMB-LHR-101"), null,
                "on-scene at 2026-12-04T10:07:00Z"));
        chain.record(new AuditEntry("sup2", AuditSource.REST, "127.0.0.1", "call-reclassify", List.of("CALL-000004"), "emergency", "fake"));
        chain.record(new AuditEntry("config-admin", AuditSource.CONFIG, null, "config-update", List.of("org.rescuegrid.frontoffice"),
                "responseWarningSeconds=300", "responseWarningSeconds=240"));
    }

    private static List<Long> seqs(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::seq).toList();
    }
}
