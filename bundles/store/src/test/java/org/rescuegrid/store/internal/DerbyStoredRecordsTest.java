package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.StoredDeviceEvent;
import org.rescuegrid.api.outbox.OutboxRecord;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.StoredPosition;

class DerbyStoredRecordsTest {

    private static final Instant FIX_TIME = Instant.parse("2026-12-04T10:00:00Z");

    private StoreDatabase database;
    private DerbyPositionStore positions;
    private DerbyDeviceEventStore events;
    private DerbyOutbox outbox;
    private DerbyStoredRecords records;

    @BeforeAll
    static void keepDerbyLogInTarget() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @BeforeEach
    void createDatabase() throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:stored-records-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        database = new StoreDatabase(dataSource);
        positions = new DerbyPositionStore(database);
        events = new DerbyDeviceEventStore(database);
        outbox = new DerbyOutbox(database);
        records = new DerbyStoredRecords(database);
    }

    @Test
    void eventIdsOfPeriodPerType() {
        StoredPosition first = positions.store(fix(0));
        StoredPosition second = positions.store(fix(10));
        StoredDeviceEvent event = events.store(new DeviceEvent("TRK-1", "ignition.on", FIX_TIME, Map.of()));
        Instant now = Instant.now();

        List<String> positionIds = new ArrayList<>();
        records.eventIds("position", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), positionIds::add);
        List<String> eventIds = new ArrayList<>();
        records.eventIds("device-event", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), eventIds::add);
        List<String> nextDay = new ArrayList<>();
        records.eventIds("position", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(25)), nextDay::add);

        assertEquals(Set.of(first.eventId(), second.eventId()), Set.copyOf(positionIds));
        assertEquals(List.of(event.eventId()), eventIds);
        assertEquals(List.of(), nextDay);
    }

    @Test
    void resendQueuesTheStoredRecordAgain() {
        StoredPosition stored = positions.store(fix(0));
        OutboxRecord original = outbox.peek(10).get(0);
        outbox.remove(List.of(original.sequence()));

        int appended = records.resend("position", List.of(stored.eventId(), UUID.randomUUID().toString()));

        List<OutboxRecord> queued = outbox.peek(10);
        assertEquals(1, appended, "an id the table does not hold is skipped");
        assertEquals(1, queued.size());
        assertEquals(original.eventId(), queued.get(0).eventId());
        assertEquals(original.recordType(), queued.get(0).recordType());
        assertEquals(original.createdAt(), queued.get(0).createdAt());
        assertEquals(original.payload(), queued.get(0).payload());
    }

    @Test
    void resendOfDeviceEventKeepsPayload() {
        events.store(new DeviceEvent("TRK-1", "panic", FIX_TIME, Map.of("button", "1")));
        OutboxRecord original = outbox.peek(10).get(0);
        outbox.remove(List.of(original.sequence()));

        records.resend("device-event", List.of(original.eventId()));

        assertEquals(original.payload(), outbox.peek(10).get(0).payload());
    }

    @Test
    void unknownTypeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> records.eventIds("incident", Instant.EPOCH, Instant.now(), id -> { }));

        assertEquals(true, e.getMessage().contains("'incident'"), e.getMessage());
    }

    private static PositionFix fix(int seconds) {
        return new PositionFix("TRK-1", FIX_TIME.plusSeconds(seconds), 31.52, 74.35, null, 40.0, 90.0, 9, null, true);
    }
}
