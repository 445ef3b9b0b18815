package org.rescuegrid.uplink.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rescuegrid.api.outbox.Outbox;
import org.rescuegrid.api.outbox.OutboxRecord;

/** An outbox in memory with the store's semantics: sequence order, remove and reject by sequence. */
final class InMemoryOutbox implements Outbox {

    private final List<OutboxRecord> waiting = new ArrayList<>();
    private final Map<String, String> rejectedReasons = new LinkedHashMap<>();
    private long nextSequence = 1;

    /** Adds a position-like record with the given payload and returns it. */
    synchronized OutboxRecord add(String payload) {
        OutboxRecord record = new OutboxRecord(nextSequence++, UUID.randomUUID().toString(), "position",
                Instant.parse("2026-12-04T10:15:30Z"), payload);
        waiting.add(record);
        return record;
    }

    /** Returns HQ's reason by event id of every record set aside. */
    synchronized Map<String, String> rejectedReasons() {
        return new LinkedHashMap<>(rejectedReasons);
    }

    @Override
    public synchronized List<OutboxRecord> peek(int max) {
        return List.copyOf(waiting.subList(0, Math.min(max, waiting.size())));
    }

    @Override
    public synchronized int remove(Collection<Long> sequences) {
        int before = waiting.size();
        waiting.removeIf(record -> sequences.contains(record.sequence()));
        return before - waiting.size();
    }

    @Override
    public synchronized long backlog() {
        return waiting.size();
    }

    @Override
    public synchronized int reject(Map<Long, String> reasonsBySequence) {
        int moved = 0;
        for (OutboxRecord record : List.copyOf(waiting)) {
            String reason = reasonsBySequence.get(record.sequence());
            if (reason != null) {
                waiting.remove(record);
                rejectedReasons.put(record.eventId(), reason);
                moved++;
            }
        }
        return moved;
    }

    @Override
    public synchronized long rejectedCount() {
        return rejectedReasons.size();
    }
}
