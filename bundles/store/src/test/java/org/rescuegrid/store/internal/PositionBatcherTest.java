package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.FixValidity;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.StoredPosition;

/**
 * Group commit on an in-memory Derby database. Each test queues its fixes before the writer starts, so
 * they form one batch, as they do on a node while the previous batch commits.
 */
class PositionBatcherTest {

    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

    private EmbeddedDataSource dataSource;
    private StoreDatabase database;
    private DerbyPositionStore store;
    private PositionBatcher batcher;

    @BeforeAll
    static void keepDerbyLogInTarget() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @BeforeEach
    void createDatabase() throws Exception {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:batch-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        database = new StoreDatabase(dataSource);
        store = new DerbyPositionStore(database);
        batcher = new PositionBatcher(store::storeAll, store::storeAlone, PositionBatcher.MAX_BATCH);
    }

    @AfterEach
    void stop() {
        batcher.close();
        store.deactivate();
    }

    @Test
    void manyDevicesCommittedInOneBatch() throws Exception {
        List<CompletableFuture<StoredPosition>> results = new ArrayList<>();
        for (int device = 0; device < 50; device++) {
            for (int step = 0; step < 8; step++) {
                results.add(submit(fix(imei(device), START.plusSeconds(step * 5L), 31.52 + step * 0.0001, 74.35)));
            }
        }

        batcher.start();

        for (CompletableFuture<StoredPosition> result : results) {
            assertEquals(FixValidity.VALID, result.join().validity());
        }
        assertEquals(1, batcher.batches());
        assertEquals(0, batcher.failedBatches());
        assertEquals(400, count("SELECT COUNT(*) FROM position_fix"));
        assertEquals(400, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(8, store.countForDevice(imei(7)));
    }

    @Test
    void duplicateInOneBatchStoredOnce() throws Exception {
        PositionFix fix = fix(imei(1), START, 31.52, 74.35);
        CompletableFuture<StoredPosition> first = submit(fix);
        CompletableFuture<StoredPosition> resent = submit(fix);
        CompletableFuture<StoredPosition> next = submit(fix(imei(1), START.plusSeconds(5), 31.5201, 74.35));

        batcher.start();

        assertEquals(first.join().eventId(), resent.join().eventId());
        assertNotEquals(first.join().eventId(), next.join().eventId());
        assertEquals(1, batcher.batches());
        assertEquals(2, store.countForDevice(imei(1)));
        assertEquals(2, count("SELECT COUNT(*) FROM outbox"), "the resend queues nothing for HQ");
    }

    @Test
    void resendOfCommittedFixInBatchStoredOnce() throws Exception {
        PositionFix fix = fix(imei(2), START, 31.52, 74.35);
        StoredPosition committed = store.store(fix);
        CompletableFuture<StoredPosition> resent = submit(fix);

        batcher.start();

        assertEquals(committed.eventId(), resent.join().eventId());
        assertEquals(1, store.countForDevice(imei(2)));
    }

    @Test
    void failingFixFailsAloneInItsBatch() throws Exception {
        CompletableFuture<StoredPosition> before = submit(fix(imei(3), START, 31.52, 74.35));
        // The device_id column is VARCHAR(64) characters, so Derby rejects this insert with a truncation error.
        CompletableFuture<StoredPosition> tooLong = submit(fix("9".repeat(65), START, 31.52, 74.35));
        CompletableFuture<StoredPosition> after = submit(fix(imei(4), START, 31.52, 74.35));

        batcher.start();

        assertEquals(FixValidity.VALID, before.join().validity());
        assertEquals(FixValidity.VALID, after.join().validity());
        CompletionException failure = assertThrows(CompletionException.class, tooLong::join);
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("could not be stored"), failure.getCause().getMessage());
        assertEquals(1, batcher.failedBatches());
        assertEquals(2, count("SELECT COUNT(*) FROM position_fix"));
        assertEquals(2, count("SELECT COUNT(*) FROM outbox"), "the rolled-back batch left no outbox rows behind");
    }

    @Test
    void validitySeesEarlierFixesOfSameBatch() throws Exception {
        String device = imei(5);
        CompletableFuture<StoredPosition> first = submit(fix(device, START, 31.52, 74.35));
        // About 111 km north 10 s later: far above the 300 km/h default limit.
        CompletableFuture<StoredPosition> jump = submit(fix(device, START.plusSeconds(10), 32.52, 74.35));
        CompletableFuture<StoredPosition> nearFirst = submit(fix(device, START.plusSeconds(20), 31.5201, 74.35));
        // Older than the fixes above: buffered history, not a live position.
        CompletableFuture<StoredPosition> buffered = submit(fix(device, START.minusSeconds(60), 31.5199, 74.35));

        batcher.start();

        assertEquals(FixValidity.VALID, first.join().validity());
        assertEquals(FixValidity.IMPOSSIBLE_JUMP, jump.join().validity());
        assertEquals(FixValidity.VALID, nearFirst.join().validity());
        assertEquals(FixValidity.HISTORY, buffered.join().validity());
        assertEquals(1, batcher.batches());
    }

    @Test
    void vehicleChangeSeenByTheNextFix() {
        DerbyDeviceStore devices = new DerbyDeviceStore(database);
        String device = imei(8);
        devices.upsert(device, "gt06", START);
        devices.assign(device, "AMB-LHR-101");
        batcher.start();

        StoredPosition before = submit(fix(device, START, 31.52, 74.35)).join();
        devices.assign(device, "AMB-LHR-102");
        StoredPosition after = submit(fix(device, START.plusSeconds(5), 31.5201, 74.35)).join();

        assertEquals("AMB-LHR-101", before.vehicleId());
        assertEquals("AMB-LHR-102", after.vehicleId(), "the vehicle kept in memory is read again after an assignment");
    }

    @Test
    void rolledBackFixNotRemembered() throws Exception {
        String device = imei(9);
        batcher.start();
        submit(fix(device, START, 31.52, 74.35)).join();

        // Derby refuses NaN in a DOUBLE column, so this fix fails in its batch and again alone.
        CompletableFuture<StoredPosition> rejected = submit(fix(device, START.plusSeconds(5), Double.NaN, 74.35));
        assertThrows(CompletionException.class, rejected::join);
        // About 111 km from the stored fix 10 s later. Had the rejected fix been kept as the device's newest
        // usable fix, this one would be compared with its NaN latitude and pass as valid.
        StoredPosition jump = submit(fix(device, START.plusSeconds(10), 32.52, 74.35)).join();

        assertEquals(FixValidity.IMPOSSIBLE_JUMP, jump.validity());
        assertEquals(2, store.countForDevice(device));
    }

    @Test
    void submitAfterCloseFails() {
        batcher.start();
        batcher.close();

        CompletableFuture<StoredPosition> result = submit(fix(imei(6), START, 31.52, 74.35));

        CompletionException failure = assertThrows(CompletionException.class, result::join);
        assertTrue(failure.getCause().getMessage().contains("stopped"), failure.getCause().getMessage());
    }

    private CompletableFuture<StoredPosition> submit(PositionFix fix) {
        return batcher.submit(fix, Instant.now());
    }

    private static PositionFix fix(String deviceId, Instant time, double latitude, double longitude) {
        return new PositionFix(deviceId, time, latitude, longitude, null, 40.0, 90.0, 9, 1.0, true);
    }

    private static String imei(int device) {
        return String.format("3563070424%05d", device);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
