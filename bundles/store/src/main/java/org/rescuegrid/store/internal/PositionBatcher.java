package org.rescuegrid.store.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.StoredPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of position fixes. Callers queue fixes and get a future. One writer thread takes the fixes
 * that queued up while the previous transaction committed, up to its batch size, and stores them in
 * one transaction in arrival order. It completes their futures after the commit, so one synchronous write
 * of Derby's transaction log covers the whole batch instead of one fix.
 *
 * <p>When the batch transaction fails, for example because one fix has a value the table rejects, the
 * writer stores each fix of that batch in a transaction of its own, so only the bad fix fails.
 */
final class PositionBatcher implements AutoCloseable {

    /** Maximum fixes in one transaction. Larger batches save little log I/O and hold Derby's row locks longer. */
    static final int MAX_BATCH = 500;

    /**
     * Maximum fixes waiting for all writers together, about two seconds of intake at the target rate of
     * 20,000 fixes/s. A fix beyond it fails at once, so its tracker is not acknowledged and sends it again.
     */
    static final int MAX_QUEUED = 50_000;

    private static final long FAILURE_LOG_INTERVAL_MS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(PositionBatcher.class);

    /** A fix and the time the node received it. */
    record Received(PositionFix fix, Instant receivedAt) {
    }

    /**
     * Stores fixes in one transaction, in their order, and returns their stored records in the same order.
     * A failure rolls back the whole transaction.
     */
    @FunctionalInterface
    interface BatchWrite {
        List<StoredPosition> store(List<Received> fixes) throws SQLException;
    }

    /** Stores one fix in a transaction of its own, or throws an {@link IllegalStateException} naming the fix. */
    @FunctionalInterface
    interface SingleWrite {
        StoredPosition store(PositionFix fix, Instant receivedAt);
    }

    private record Pending(Received received, CompletableFuture<StoredPosition> result) {

        PositionFix fix() {
            return received.fix();
        }
    }

    private final BatchWrite batchWrite;
    private final SingleWrite singleWrite;
    private final int maxBatch;
    private final int maxQueued;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile boolean running = true;
    private long lastFailureLog;

    PositionBatcher(BatchWrite batchWrite, SingleWrite singleWrite, int maxBatch) {
        this(batchWrite, singleWrite, maxBatch, MAX_QUEUED, "rescuegrid-position-writer");
    }

    PositionBatcher(BatchWrite batchWrite, SingleWrite singleWrite, int maxBatch, int maxQueued, String threadName) {
        this.batchWrite = batchWrite;
        this.singleWrite = singleWrite;
        this.maxBatch = maxBatch;
        this.maxQueued = maxQueued;
        this.queue = new LinkedBlockingQueue<>(maxQueued);
        this.writer = new Thread(this::writeUntilClosed, threadName);
        writer.setDaemon(true);
    }

    /** Starts the writer thread. Fixes submitted before are kept and form its first batch. */
    void start() {
        writer.start();
    }

    /** Queues a fix. The future completes with the stored record after the commit, or fails. */
    CompletableFuture<StoredPosition> submit(PositionFix fix, Instant receivedAt) {
        CompletableFuture<StoredPosition> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new IllegalStateException("position of device " + fix.deviceId() + " at " + fix.fixTime()
                    + " was not stored because the position store is stopped"));
        } else if (!queue.offer(new Pending(new Received(fix, receivedAt), result))) {
            result.completeExceptionally(new IllegalStateException("position of device " + fix.deviceId() + " at " + fix.fixTime()
                    + " was not stored because " + maxQueued + " fixes are already waiting for its position writer"));
        }
        return result;
    }

    /** Number of transactions committed or attempted, including the ones that failed and were split. */
    long batches() {
        return batches.get();
    }

    /** Number of batch transactions that failed, after which every fix of the batch was stored alone. */
    long failedBatches() {
        return failedBatches.get();
    }

    /** Stores the fixes already queued, then stops the writer; later submissions fail. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending pending : left) {
            pending.result().completeExceptionally(new IllegalStateException("position of device " + pending.fix().deviceId()
                    + " at " + pending.fix().fixTime() + " was not stored because the position store stopped"));
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // write() completes every future itself; this only keeps the writer alive after a bug.
                LOG.error("Position writer failed on a batch of {} fixes", batch.size(), e);
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        batches.incrementAndGet();
        List<StoredPosition> stored;
        try {
            stored = batchWrite.store(batch.stream().map(Pending::received).toList());
        } catch (SQLException | RuntimeException e) {
            failedBatches.incrementAndGet();
            if (batch.size() > 1) {
                logBatchFailure(batch.size(), e);
            }
            writeOneByOne(batch);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(stored.get(i));
        }
    }

    private void writeOneByOne(List<Pending> batch) {
        for (Pending pending : batch) {
            try {
                pending.result().complete(singleWrite.store(pending.fix(), pending.received().receivedAt()));
            } catch (RuntimeException e) {
                pending.result().completeExceptionally(e);
            }
        }
    }

    private static void fail(List<Pending> batch, RuntimeException e) {
        for (Pending pending : batch) {
            pending.result().completeExceptionally(e);
        }
    }

    private void logBatchFailure(int size, Exception e) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog < FAILURE_LOG_INTERVAL_MS) {
            return;
        }
        lastFailureLog = now;
        LOG.warn("A batch of {} positions failed and its fixes are stored one by one ({} failed batches so far): {}", size,
                failedBatches.get(), e.toString());
    }
}
