package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.api.outbox.OutboxRecord;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.testing.EmbeddedDerby;

class DerbyOutboxTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private DerbyPositionStore positions;
    private DerbyOutbox outbox;

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        StoreDatabase database = new StoreDatabase(derby.dataSource());
        positions = new DerbyPositionStore(database);
        outbox = new DerbyOutbox(database);
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    private List<StoredPosition> storeThree() {
        return List.of(
                positions.store(DerbyPositionStoreTest.fix("TRK-LHR-01", T0, 31.5, true)),
                positions.store(DerbyPositionStoreTest.fix("TRK-KHI-01", T0, 24.8, true)),
                positions.store(DerbyPositionStoreTest.fix("TRK-LHR-01", T0.plusSeconds(1), 31.6, false)));
    }

    private static List<String> storedIds(List<StoredPosition> stored) {
        return stored.stream().map(StoredPosition::eventId).toList();
    }

    private static List<String> queuedIds(List<OutboxRecord> records) {
        return records.stream().map(OutboxRecord::eventId).toList();
    }

    @Test
    void peekReturnsStoreOrder() {
        List<StoredPosition> stored = storeThree();

        List<OutboxRecord> records = outbox.peek(10);

        assertEquals(storedIds(stored), queuedIds(records));
        assertTrue(records.get(0).sequence() < records.get(1).sequence());
        assertTrue(records.get(1).sequence() < records.get(2).sequence());
    }

    @Test
    void peekLimitedToMax() {
        List<StoredPosition> stored = storeThree();

        List<OutboxRecord> records = outbox.peek(2);

        assertEquals(storedIds(stored.subList(0, 2)), queuedIds(records));
    }

    @Test
    void peekKeepsRecords() {
        storeThree();

        outbox.peek(10);

        assertEquals(3, outbox.backlog());
        assertEquals(3, outbox.peek(10).size());
    }

    @Test
    void peekRejectsZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> outbox.peek(0));

        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void peekEmptyOutbox() {
        assertEquals(List.of(), outbox.peek(10));
    }

    @Test
    void removeConfirmedRecords() {
        List<StoredPosition> stored = storeThree();
        List<OutboxRecord> records = outbox.peek(10);

        int removed = outbox.remove(List.of(records.get(0).sequence(), records.get(2).sequence()));

        assertEquals(2, removed);
        assertEquals(1, outbox.backlog());
        assertEquals(List.of(stored.get(1).eventId()), queuedIds(outbox.peek(10)));
    }

    @Test
    void removeUnknownSequence() {
        storeThree();
        long last = outbox.peek(10).get(2).sequence();

        assertEquals(0, outbox.remove(List.of(last + 1000)));
        assertEquals(3, outbox.backlog());
    }

    @Test
    void removeTwiceCountsOnce() {
        storeThree();
        long first = outbox.peek(1).get(0).sequence();

        assertEquals(1, outbox.remove(List.of(first)));
        assertEquals(0, outbox.remove(List.of(first)));
    }

    @Test
    void removeNothing() {
        storeThree();

        assertEquals(0, outbox.remove(List.of()));
        assertEquals(3, outbox.backlog());
    }

    @Test
    void removeKeepsPositions() {
        storeThree();

        outbox.remove(outbox.peek(10).stream().map(OutboxRecord::sequence).toList());

        assertEquals(0, outbox.backlog());
        assertEquals(2, positions.countForDevice("TRK-LHR-01"));
    }

    @Test
    void backlogCountsWaitingRecords() {
        assertEquals(0, outbox.backlog());

        storeThree();

        assertEquals(3, outbox.backlog());
    }

    @Test
    void unreadableOutboxReported() throws SQLException {
        derby.execute("DROP TABLE outbox");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> outbox.backlog());

        assertTrue(e.getMessage().contains("backlog"), e.getMessage());
    }

    @Test
    void rejectMovesRecordWithReason() throws SQLException {
        List<StoredPosition> stored = storeThree();
        OutboxRecord head = outbox.peek(1).get(0);

        int moved = outbox.reject(Map.of(head.sequence(), "records[0].payload is missing or not an object"));

        assertEquals(1, moved);
        assertEquals(2, outbox.backlog());
        assertEquals(1, outbox.rejectedCount());
        assertEquals(storedIds(stored.subList(1, 3)), queuedIds(outbox.peek(10)));
        assertEquals(head.eventId(), derby.queryString("SELECT event_id FROM outbox_rejected"));
        assertEquals("records[0].payload is missing or not an object", derby.queryString("SELECT reason FROM outbox_rejected"));
    }

    @Test
    void rejectTwiceMovesOnce() {
        storeThree();
        long first = outbox.peek(1).get(0).sequence();

        assertEquals(1, outbox.reject(Map.of(first, "invalid")));
        assertEquals(0, outbox.reject(Map.of(first, "invalid")));
        assertEquals(1, outbox.rejectedCount());
    }

    @Test
    void rejectLongReasonShortened() throws SQLException {
        storeThree();
        long first = outbox.peek(1).get(0).sequence();

        outbox.reject(Map.of(first, "x".repeat(5000)));

        String reason = derby.queryString("SELECT reason FROM outbox_rejected");
        assertEquals(1000, reason.length());
        assertTrue(reason.endsWith("..."), reason);
    }

    @Test
    void rejectNothing() {
        storeThree();

        assertEquals(0, outbox.reject(Map.of()));
        assertEquals(0, outbox.rejectedCount());
    }
}
