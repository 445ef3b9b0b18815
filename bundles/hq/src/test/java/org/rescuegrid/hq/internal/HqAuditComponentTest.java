package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.api.audit.AuditHash;
import org.rescuegrid.hq.HqAuditVerification;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Audit chains in the shape a district's back office uploads them: five records of PB-LHR, chained with the
 * node's hash rule, and two of PB-KHI. Every check names the first broken sequence number.
 */
class HqAuditComponentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-04T04:00:00.120Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private HqRecordStore store;
    private HqAuditComponent audit;

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        open();
        store.store("PB-LHR", chain(5));
        store.store("PB-KHI", chain(2));
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    @Test
    void intactChainsVerify() {
        HqAuditVerification lahore = audit.verify("PB-LHR");

        assertTrue(lahore.intact(), lahore.describe());
        assertEquals(5, lahore.records());
        assertEquals(5, lahore.verified());
        assertEquals(T0.plusSeconds(4), lahore.lastRecordedAt());
        assertEquals(List.of("PB-KHI", "PB-LHR"), audit.districts());
        assertEquals(2, audit.verify("PB-KHI").verified());
    }

    @Test
    void chainVerifiesAfterRestart() throws SQLException {
        derby.close();
        derby = new EmbeddedDerby(directory);
        open();

        HqAuditVerification lahore = audit.verify("PB-LHR");

        assertTrue(lahore.intact(), lahore.describe());
        assertEquals(5, lahore.verified());
    }

    @Test
    void recordsStoredEarlierProjectedAtStart() throws SQLException {
        // As on an HQ that stored the records before hq_audit existed.
        derby.execute("DELETE FROM hq_audit");
        derby.close();
        derby = new EmbeddedDerby(directory);
        open();

        HqAuditVerification lahore = audit.verify("PB-LHR");

        assertTrue(lahore.intact(), lahore.describe());
        assertEquals(5, lahore.verified());
        assertEquals(2, audit.verify("PB-KHI").verified());
    }

    @Test
    void alteredRecordReported() throws SQLException {
        derby.execute("UPDATE hq_audit SET after_summary = 'closed, nobody rescued' WHERE province = 'PB-LHR' AND seq = 3");

        HqAuditVerification lahore = audit.verify("PB-LHR");

        assertEquals(3, lahore.firstBroken());
        assertEquals(2, lahore.verified());
        assertEquals("its fields do not match its hash (edited)", lahore.reason());
        assertTrue(audit.verify("PB-KHI").intact());
    }

    @Test
    void missingRecordReported() throws SQLException {
        derby.execute("DELETE FROM hq_audit WHERE province = 'PB-LHR' AND seq = 2");

        HqAuditVerification lahore = audit.verify("PB-LHR");

        assertEquals(2, lahore.firstBroken());
        assertEquals(1, lahore.verified());
        assertEquals(4, lahore.records());
        assertEquals("record 2 is missing (deleted); the next stored record is 3", lahore.reason());
        assertEquals("PB-LHR: broken at record 2: record 2 is missing (deleted); the next stored record is 3 (1 records before it verified)",
                lahore.describe());
    }

    @Test
    void firstRecordMissingReported() throws SQLException {
        derby.execute("DELETE FROM hq_audit WHERE province = 'PB-LHR' AND seq IN (1, 2)");

        HqAuditVerification lahore = audit.verify("PB-LHR");

        assertEquals(1, lahore.firstBroken());
        assertEquals(0, lahore.verified());
        assertNull(lahore.lastHash());
    }

    @Test
    void replacedRecordReported() throws SQLException {
        // A rebuilt record 4 with a correct hash of its own still breaks the link from record 3.
        derby.execute("DELETE FROM hq_audit WHERE province = 'PB-LHR' AND seq = 4");
        List<ReceivedRecord> forged = new ArrayList<>();
        forged.add(auditRecord(4, T0.plusSeconds(4), "intruder", "0".repeat(64)));
        store.store("PB-LHR", forged);

        HqAuditVerification lahore = audit.verify("PB-LHR");

        assertEquals(4, lahore.firstBroken());
        assertTrue(lahore.reason().startsWith("its previous hash does not match the hash of record 3"), lahore.reason());
    }

    @Test
    void foreignEventIdRejected() {
        ReceivedRecord record = auditRecord(1, T0, "sup1", AuditHash.GENESIS);
        ReceivedRecord renamed = new ReceivedRecord(UUID.randomUUID().toString(), record.type(), record.createdAt(), record.payload());

        InvalidBatchException rejected = assertThrows(InvalidBatchException.class, () -> store.store("PB-LHR", List.of(renamed)));

        assertTrue(rejected.getMessage().contains("the two must be equal"), rejected.getMessage());
    }

    private void open() throws SQLException {
        HqDatabase database = new HqDatabase(derby.dataSource());
        store = new HqRecordStore(database);
        audit = new HqAuditComponent(database);
    }

    /** Returns a chain of audit records as the node's AuditChain writes their payloads. */
    private static List<ReceivedRecord> chain(int length) {
        List<ReceivedRecord> records = new ArrayList<>();
        String previous = AuditHash.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            ReceivedRecord record = auditRecord(seq, T0.plusSeconds(seq - 1), seq % 2 == 0 ? "config-admin" : "sup1", previous);
            previous = record.payload().get("hash").asText();
            records.add(record);
        }
        return records;
    }

    private static ReceivedRecord auditRecord(long seq, Instant at, String actor, String previousHash) {
        String eventId = UUID.randomUUID().toString();
        boolean console = !"config-admin".equals(actor);
        String source = console ? "CONSOLE" : "CONFIG";
        List<String> targets = console ? List.of("INC-00000" + seq, "AMB-LHR-101") : List.of();
        String before = console ? "open" : null;
        String after = "closed at " + at;
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("seq", seq);
        payload.put("eventId", eventId);
        payload.put("recordedAt", at.toString());
        payload.put("actor", actor);
        payload.put("source", source.toLowerCase(Locale.ROOT));
        payload.putNull("remoteAddress");
        payload.put("action", "incident-close");
        ArrayNode targetArray = payload.putArray("targets");
        targets.forEach(targetArray::add);
        payload.put("before", before);
        payload.put("after", after);
        payload.put("previousHash", previousHash);
        payload.put("hash", AuditHash.of(seq, eventId, at, actor, source, null, "incident-close", String.join(",", targets), before, after,
                previousHash));
        return new ReceivedRecord(eventId, "audit", at, payload);
    }
}
