package org.rescuegrid.uplink.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.rescuegrid.feed.support.IdDigest;
import org.rescuegrid.api.audit.AuditChainHead;
import org.rescuegrid.api.outbox.StoredRecords;
import org.rescuegrid.api.uplink.ReconciliationResult;

/**
 * Compares this node's records of one UTC day with HQ's, type by type. First the count and {@link IdDigest}
 * of every type go to HQ in one request. For each type whose count or digest differs, the ids are read again
 * and sent in chunks of {@link #CHUNK_SIZE}, and HQ returns those it lacks. Only one chunk is held at a time,
 * so a day of a million positions needs a few hundred kilobytes.
 */
final class DayReconciliation {

    static final int CHUNK_SIZE = 5000;
    static final LocalDate EARLIEST_DAY = LocalDate.of(1, 1, 1);

    /** HQ's side of the exchange. */
    interface Hq {

        /** Sends count and digest by type; HQ returns its counts and a run id for the chunks. */
        Summary summary(LocalDate day, Map<String, IdDigest> digests);

        /** Sends one chunk of ids and returns those HQ lacks. */
        List<String> missing(String runId, LocalDate day, String type, List<String> ids, boolean last);

        /** Sends the head of the node's audit chain and returns HQ's copy compared with it. */
        ReconciliationResult.AuditChainResult auditChain(LocalDate day, AuditChainHead head);
    }

    /** HQ's response to a summary: the run id and, by type, HQ's count and whether count and digest matched. */
    record Summary(String runId, Map<String, Long> hqCounts, Map<String, Boolean> matches) {
    }

    private final List<StoredRecords> sources;
    private final Hq hq;
    private final LongSupplier backlog;
    private final Supplier<AuditChainHead> auditHead;

    DayReconciliation(List<StoredRecords> sources, Hq hq, LongSupplier backlog) {
        this(sources, hq, backlog, () -> null);
    }

    /** Also compares the audit chain, unless {@code auditHead} returns null because the node keeps none. */
    DayReconciliation(List<StoredRecords> sources, Hq hq, LongSupplier backlog, Supplier<AuditChainHead> auditHead) {
        this.sources = sources;
        this.hq = hq;
        this.backlog = backlog;
        this.auditHead = auditHead;
    }

    ReconciliationResult run(LocalDate day, boolean resend, int listLimit) {
        // A day after tomorrow (UTC) has no records yet, and a day outside years 1-9999 does not fit the stores' TIMESTAMP columns.
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        if (day.isBefore(EARLIEST_DAY) || day.isAfter(latest)) {
            throw new IllegalArgumentException("day " + day + " is out of range; reconcile a UTC day from " + EARLIEST_DAY + " to " + latest);
        }
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // The store registers two sources: positions and device events from their own tables, and every other
        // type from the ledger that OutboxAppender writes.
        Map<String, StoredRecords> byType = new TreeMap<>();
        for (StoredRecords source : sources) {
            source.recordTypes().forEach(type -> byType.putIfAbsent(type, source));
        }
        if (byType.isEmpty()) {
            throw new IllegalStateException("no record source is registered on this node; is feature rescuegrid-store installed?");
        }

        Map<String, IdDigest> digests = new TreeMap<>();
        byType.forEach((type, source) -> {
            IdDigest digest = new IdDigest();
            source.eventIds(type, from, to, digest::add);
            digests.put(type, digest);
        });
        Summary summary = hq.summary(day, digests);

        List<ReconciliationResult.TypeResult> results = new ArrayList<>();
        for (Map.Entry<String, StoredRecords> entry : byType.entrySet()) {
            String type = entry.getKey();
            long districtCount = digests.get(type).count();
            long hqCount = summary.hqCounts().get(type);
            if (Boolean.TRUE.equals(summary.matches().get(type))) {
                results.add(new ReconciliationResult.TypeResult(type, districtCount, hqCount, 0, List.of(), 0, 0));
                continue;
            }
            results.add(compareIds(summary.runId(), day, type, entry.getValue(), from, to, districtCount, hqCount, resend, listLimit));
        }
        AuditChainHead head = auditHead.get();
        ReconciliationResult.AuditChainResult auditChain = head == null ? null : hq.auditChain(day, head);
        return new ReconciliationResult(day, results, backlog.getAsLong(), auditChain);
    }

    private ReconciliationResult.TypeResult compareIds(String runId, LocalDate day, String type, StoredRecords source, Instant from,
            Instant to, long districtCount, long hqCount, boolean resend, int listLimit) {
        MissingTally tally = new MissingTally(listLimit);
        List<String> chunk = new ArrayList<>(CHUNK_SIZE);
        source.eventIds(type, from, to, id -> {
            chunk.add(id);
            if (chunk.size() == CHUNK_SIZE) {
                tally.add(hq.missing(runId, day, type, chunk, false), resend ? source : null, type);
                chunk.clear();
            }
        });
        // The last chunk may be empty, and it still marks the type as complete at HQ.
        tally.add(hq.missing(runId, day, type, chunk, true), resend ? source : null, type);
        long unknownAtHq = Math.max(0, hqCount - (districtCount - tally.count));
        return new ReconciliationResult.TypeResult(type, districtCount, hqCount, tally.count, List.copyOf(tally.listed), unknownAtHq,
                tally.resent);
    }

    /** Missing ids of one type: their count, the first ones, and how many were queued again. */
    private static final class MissingTally {
        private final int listLimit;
        private final List<String> listed = new ArrayList<>();
        private long count;
        private long resent;

        MissingTally(int listLimit) {
            this.listLimit = listLimit;
        }

        void add(List<String> missing, StoredRecords resendFrom, String type) {
            count += missing.size();
            for (String id : missing) {
                if (listed.size() >= listLimit) {
                    break;
                }
                listed.add(id);
            }
            if (resendFrom != null && !missing.isEmpty()) {
                resent += resendFrom.resend(type, missing);
            }
        }
    }
}
