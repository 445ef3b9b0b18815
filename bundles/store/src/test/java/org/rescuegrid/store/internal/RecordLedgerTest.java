package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.outbox.OutboxRecord;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.feed.support.IdDigest;
import org.rescuegrid.store.outbox.OutboxAppender;

/** The ledger that OutboxAppender writes beside the outbox, on a real Derby database. */
class RecordLedgerTest {

    private static final Instant DAY_START = Instant.parse("2026-12-04T00:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-12-05T00:00:00Z");

    private StoreDatabase database;
    private DerbyOutbox outbox;
    private LedgerStoredRecords ledger;

    @BeforeAll
    static void keepDerbyLogInTarget() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @BeforeEach
    void createDatabase() throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:record-ledger-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        database = new StoreDatabase(dataSource);
        outbox = new DerbyOutbox(database);
        ledger = new LedgerStoredRecords(database);
    }

    @Test
    void appendWritesOutboxAndLedger() throws SQLException {
        String id = append("incident", Instant.parse("2026-12-04T10:00:00Z"), "{\"incidentId\":\"INC-1\"}");

        List<OutboxRecord> queued = outbox.peek(10);
        assertEquals(1, queued.size());
        assertEquals(id, queued.get(0).eventId());
        assertEquals(List.of(id), ids("incident", DAY_START, DAY_END));
        assertEquals(Set.of("incident"), ledger.recordTypes());
    }

    @Test
    void rollbackLeavesNeitherRow() {
        String id = UUID.randomUUID().toString();

        assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
            OutboxAppender.append(connection, id, "incident", Instant.parse("2026-12-04T10:00:00Z"), "{}");
            throw new IllegalStateException("the caller's own insert failed");
        }));

        assertEquals(0, outbox.backlog());
        assertEquals(0, ledgerRows());
    }

    @Test
    void sameEventIdKeepsFirstLedgerRow() throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant time = Instant.parse("2026-12-04T10:00:00Z");
        database.inTransaction(connection -> {
            OutboxAppender.append(connection, id, "kpi", time, "{\"version\":1}");
            return null;
        });

        database.inTransaction(connection -> {
            OutboxAppender.append(connection, id, "kpi", time, "{\"version\":2}");
            return null;
        });
        outbox.remove(outbox.peek(10).stream().map(OutboxRecord::sequence).toList());
        ledger.resend("kpi", List.of(id));

        assertEquals(1, ledgerRows());
        assertEquals("{\"version\":1}", outbox.peek(10).get(0).payload());
    }

    @Test
    void positionsStayOutOfLedger() {
        new DerbyPositionStore(database).store(new PositionFix("TRK-1", Instant.now(), 31.52, 74.35, null, 40.0, 90.0, 9, null, true));

        assertEquals(1, outbox.backlog());
        assertEquals(0, ledgerRows());
    }

    @Test
    void eventIdsSelectOneUtcDay() throws SQLException {
        append("incident-step", DAY_START.minusMillis(1), "{}");
        String first = append("incident-step", DAY_START, "{}");
        String last = append("incident-step", DAY_END.minusMillis(1), "{}");
        append("incident-step", DAY_END, "{}");
        append("call", DAY_START.plusSeconds(60), "{}");

        List<String> ids = ids("incident-step", DAY_START, DAY_END);

        assertEquals(Set.of(first, last), Set.copyOf(ids));
        assertEquals(2, ids.size());
    }

    @Test
    void dayDigestMatchesItsIds() throws SQLException {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(append("driver-event", DAY_START.plus(Duration.ofMinutes(29L * i)), "{}"));
        }
        append("driver-event", DAY_END.plusSeconds(1), "{}");
        IdDigest fromIds = new IdDigest();
        expected.forEach(fromIds::add);

        IdDigest fromLedger = new IdDigest();
        ledger.eventIds("driver-event", DAY_START, DAY_END, fromLedger::add);

        assertEquals(50, fromLedger.count());
        assertEquals(fromIds.hex(), fromLedger.hex());
    }

    @Test
    void resendAppendsLedgerRecordAgain() throws SQLException {
        Instant time = Instant.parse("2026-12-04T10:00:00Z");
        String id = append("incident", time, "{\"incidentId\":\"INC-7\"}");
        outbox.remove(outbox.peek(10).stream().map(OutboxRecord::sequence).toList());

        int appended = ledger.resend("incident", List.of(id, UUID.randomUUID().toString()));
        int otherType = ledger.resend("call", List.of(id));

        List<OutboxRecord> queued = outbox.peek(10);
        assertEquals(1, appended, "an id the ledger does not hold is skipped");
        assertEquals(0, otherType, "an id of another type is skipped");
        assertEquals(1, queued.size());
        assertEquals(id, queued.get(0).eventId());
        assertEquals("incident", queued.get(0).recordType());
        assertEquals(time, queued.get(0).createdAt());
        assertEquals("{\"incidentId\":\"INC-7\"}", queued.get(0).payload());
        assertEquals(1, ledgerRows(), "a resend adds no ledger row");
    }

    @Test
    void purgeRemovesDaysBeforeRetention() throws SQLException {
        append("incident", Instant.parse("2026-11-01T23:59:59Z"), "{}");
        append("incident", Instant.parse("2026-11-02T00:00:00Z"), "{}");
        append("audit", Instant.parse("2026-10-30T08:00:00Z"), "{}");
        append("audit", Instant.parse("2026-12-05T08:00:00Z"), "{}");
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
        LedgerPurge purge = new LedgerPurge(database, new LedgerSettings(35, Duration.ofHours(1)), clock);

        Map<String, LedgerPurge.Removed> removed = purge.purge();

        assertEquals(Set.of("audit", "incident"), removed.keySet());
        assertEquals(1, removed.get("incident").count());
        assertEquals("2026-11-01", removed.get("incident").lastDay().toString());
        assertEquals(1, removed.get("audit").count());
        assertEquals("2026-10-30", removed.get("audit").firstDay().toString());
        assertEquals(2, ledgerRows());
        assertEquals(4, outbox.backlog(), "the purge leaves the outbox alone");
        assertEquals(Map.of(), purge.purge());
    }

    @Test
    void retentionOutOfRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LedgerSettings.from(config(0, 60)));

        assertTrue(e.getMessage().contains("org.rescuegrid.store.ledger: retentionDays='0' is invalid"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LedgerSettings.from(config(35, 0)));
        assertEquals(35, LedgerSettings.from(config(35, 60)).retentionDays());
    }

    private String append(String type, Instant createdAt, String payload) throws SQLException {
        String id = UUID.randomUUID().toString();
        database.inTransaction(connection -> {
            OutboxAppender.append(connection, id, type, createdAt, payload);
            return null;
        });
        return id;
    }

    private List<String> ids(String type, Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        ledger.eventIds(type, from, to, ids::add);
        return ids;
    }

    private long ledgerRows() {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM record_ledger");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static LedgerConfig config(int retentionDays, int purgeIntervalMinutes) {
        return new LedgerConfig() {
            @Override
            public Class<LedgerConfig> annotationType() {
                return LedgerConfig.class;
            }

            @Override
            public int retentionDays() {
                return retentionDays;
            }

            @Override
            public int purgeIntervalMinutes() {
                return purgeIntervalMinutes;
            }
        };
    }
}
