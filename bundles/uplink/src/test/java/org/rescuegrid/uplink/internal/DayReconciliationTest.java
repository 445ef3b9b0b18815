package org.rescuegrid.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.rescuegrid.feed.support.IdDigest;
import org.rescuegrid.api.audit.AuditChainHead;
import org.rescuegrid.api.outbox.StoredRecords;
import org.rescuegrid.api.uplink.ReconciliationResult;

class DayReconciliationTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-04");
    private static final String EVENT_1 = "3f2b8c1e-6a0d-4c57-9a43-0d7e5b1f2a61";
    private static final String EVENT_2 = "9d4e7f20-1b3c-4e8a-b6d5-2c9f0a7e4b18";

    @Test
    void dayOutOfRangeRejected() {
        FakeSource source = new FakeSource("position", ids(3));
        DayReconciliation reconciliation = new DayReconciliation(List.of(source), new FakeHq(Set.copyOf(source.ids)), () -> 0);

        IllegalArgumentException far = assertThrows(IllegalArgumentException.class, () -> reconciliation.run(LocalDate.parse("9999-12-31"), false, 10));

        assertTrue(far.getMessage().startsWith("day 9999-12-31 is out of range; reconcile a UTC day from 0001-01-01 to "), far.getMessage());
    }

    @Test
    void digestVectorMatchesHq() {
        IdDigest digest = new IdDigest();
        digest.add(EVENT_1);
        digest.add(EVENT_2);

        // HqReconciliationTest in the hq bundle checks the same value.
        assertEquals("a4438d02643f7def", digest.hex());
    }

    @Test
    void matchingTypeSendsNoIds() {
        FakeSource source = new FakeSource("position", ids(3));
        FakeHq hq = new FakeHq(Set.copyOf(source.ids));

        ReconciliationResult result = new DayReconciliation(List.of(source), hq, () -> 0).run(DAY, false, 10);

        ReconciliationResult.TypeResult position = result.types().get(0);
        assertEquals(3, position.districtCount());
        assertEquals(3, position.hqCount());
        assertEquals(0, position.missingCount());
        assertEquals(0, hq.chunks.size());
    }

    @Test
    void missingIdsListedAndCounted() {
        List<String> ids = ids(DayReconciliation.CHUNK_SIZE + 7);
        Set<String> atHq = new HashSet<>(ids);
        List<String> removed = new ArrayList<>(ids.subList(0, 3));
        removed.add(ids.get(DayReconciliation.CHUNK_SIZE + 1));
        removed.forEach(atHq::remove);
        String unknown = UUID.randomUUID().toString();
        atHq.add(unknown);
        FakeSource source = new FakeSource("position", ids);
        FakeHq hq = new FakeHq(atHq);

        ReconciliationResult result = new DayReconciliation(List.of(source), hq, () -> 12).run(DAY, false, 2);

        ReconciliationResult.TypeResult position = result.types().get(0);
        assertEquals(ids.size(), position.districtCount());
        assertEquals(ids.size() - 3, position.hqCount());
        assertEquals(4, position.missingCount());
        assertEquals(removed.subList(0, 2), position.missingIds(), "only the first two are listed");
        assertEquals(1, position.unknownAtHq());
        assertEquals(0, position.resent());
        assertEquals(List.of(false, true), hq.lastFlags);
        assertTrue(hq.chunks.stream().allMatch(size -> size <= DayReconciliation.CHUNK_SIZE));
        assertEquals(12, result.outboxBacklog());
        assertEquals(List.of(), source.resent);
    }

    @Test
    void resendQueuesMissingIds() {
        List<String> ids = ids(5);
        Set<String> atHq = new HashSet<>(ids.subList(2, 5));
        FakeSource source = new FakeSource("device-event", ids);

        ReconciliationResult result = new DayReconciliation(List.of(source), new FakeHq(atHq), () -> 0).run(DAY, true, 10);

        assertEquals(ids.subList(0, 2), source.resent);
        assertEquals(2, result.types().get(0).resent());
    }

    @Test
    void auditChainHeadSentToHq() {
        FakeSource source = new FakeSource("audit", ids(2));
        FakeHq hq = new FakeHq(Set.copyOf(source.ids));
        AuditChainHead head = new AuditChainHead(7, 7, "ab".repeat(32));

        ReconciliationResult result = new DayReconciliation(List.of(source), hq, () -> 0, () -> head).run(DAY, false, 10);

        assertEquals(List.of(head), hq.auditHeads);
        assertEquals(7, result.auditChain().districtLastSeq());
        assertEquals(9, result.auditChain().hqLastSeq());
        assertEquals(false, result.auditChain().match());
    }

    @Test
    void noAuditChainWithoutBackOffice() {
        FakeSource source = new FakeSource("position", ids(1));
        FakeHq hq = new FakeHq(Set.copyOf(source.ids));

        ReconciliationResult result = new DayReconciliation(List.of(source), hq, () -> 0).run(DAY, false, 10);

        assertEquals(null, result.auditChain());
        assertEquals(List.of(), hq.auditHeads);
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    /** A source of one type whose ids all fall on the day. */
    private static final class FakeSource implements StoredRecords {
        private final String type;
        private final List<String> ids;
        private final List<String> resent = new ArrayList<>();

        FakeSource(String type, List<String> ids) {
            this.type = type;
            this.ids = ids;
        }

        @Override
        public Set<String> recordTypes() {
            return Set.of(type);
        }

        @Override
        public void eventIds(String recordType, Instant from, Instant to, Consumer<String> consumer) {
            assertEquals(Instant.parse("2026-12-04T00:00:00Z"), from);
            assertEquals(Instant.parse("2026-12-05T00:00:00Z"), to);
            ids.forEach(consumer);
        }

        @Override
        public int resend(String recordType, Collection<String> eventIds) {
            resent.addAll(eventIds);
            return eventIds.size();
        }
    }

    /** HQ holding a fixed set of ids, all of one type and day. */
    private static final class FakeHq implements DayReconciliation.Hq {
        private final Set<String> stored;
        private final List<Integer> chunks = new ArrayList<>();
        private final List<Boolean> lastFlags = new ArrayList<>();
        private final List<AuditChainHead> auditHeads = new ArrayList<>();

        FakeHq(Set<String> stored) {
            this.stored = stored;
        }

        @Override
        public DayReconciliation.Summary summary(LocalDate day, Map<String, IdDigest> digests) {
            IdDigest own = new IdDigest();
            stored.forEach(own::add);
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Boolean> matches = new LinkedHashMap<>();
            digests.forEach((type, digest) -> {
                counts.put(type, own.count());
                matches.put(type, own.count() == digest.count() && own.hex().equals(digest.hex()));
            });
            return new DayReconciliation.Summary(UUID.randomUUID().toString(), counts, matches);
        }

        @Override
        public List<String> missing(String runId, LocalDate day, String type, List<String> ids, boolean last) {
            chunks.add(ids.size());
            lastFlags.add(last);
            return ids.stream().filter(id -> !stored.contains(id)).toList();
        }

        @Override
        public ReconciliationResult.AuditChainResult auditChain(LocalDate day, AuditChainHead head) {
            auditHeads.add(head);
            return new ReconciliationResult.AuditChainResult(head.records(), head.lastSeq(), 9, 9, head.lastSeq() == 9);
        }
    }
}
