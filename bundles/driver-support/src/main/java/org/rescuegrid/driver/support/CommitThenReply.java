package org.rescuegrid.driver.support;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the records of one packet and then replies to the device. When a record cannot be stored the
 * reply is not sent, so the tracker keeps the packet and sends it again.
 *
 * <p>The records are handed to the sink at once and the caller's thread returns before the commit, so a
 * Netty thread serves other connections while the store commits. Replies on one channel still leave in
 * the order of the packets, also when a later packet's records are committed first.
 */
public final class CommitThenReply {

    private static final Logger LOG = LoggerFactory.getLogger(CommitThenReply.class);

    /** Completes when the previous packet of the channel has been replied to or given up. */
    private static final AttributeKey<CompletableFuture<Void>> PREVIOUS_REPLY = AttributeKey.valueOf(CommitThenReply.class, "previousReply");

    private final RecordSink sink;
    private final DeviceRegistry registry;
    private final RepeatLimiter storeFailures = new RepeatLimiter();

    public CommitThenReply(RecordSink sink, DeviceRegistry registry) {
        this.sink = sink;
        this.registry = registry;
    }

    /**
     * Stores the records and, once all are committed and the channel's earlier packets are replied to,
     * writes the reply to the channel. The future completes after that with whether all records were
     * stored. A failed record makes it complete with false, not fail.
     */
    public CompletableFuture<Boolean> commitThenReply(PacketRecords records, Channel channel) {
        CompletableFuture<Void> fixesCommitted = new CompletableFuture<>();
        runOutsideRoute(channel, () -> {
            // Fixes must reach the store in packet order, because a fix followed by an older one flags the older as history.
            List<CompletableFuture<?>> fixes = new ArrayList<>(records.fixes().size());
            for (PositionFix fix : records.fixes()) {
                fixes.add(sink.storeAsync(fix));
            }
            CompletableFuture.allOf(fixes.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    fixesCommitted.completeExceptionally(failure);
                } else {
                    fixesCommitted.complete(null);
                }
            });
        });
        List<CompletableFuture<?>> commits = new ArrayList<>(records.events().size() + 1);
        commits.add(fixesCommitted);
        for (DeviceEvent event : records.events()) {
            commits.add(sink.storeAsync(event));
        }
        CompletableFuture<Boolean> stored = CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> failure == null || reportFailure(records, failure));

        CompletableFuture<Void> replied = new CompletableFuture<>();
        CompletableFuture<Void> previous = channel.attr(PREVIOUS_REPLY).getAndSet(replied);
        if (previous == null) {
            previous = CompletableFuture.completedFuture(null);
        }
        return previous.thenCombine(stored, (ignored, allStored) -> {
            if (allStored) {
                reply(records, channel);
            }
            return allStored;
        }).whenComplete((allStored, failure) -> replied.complete(null));
    }

    /**
     * Runs the task on the channel's event loop, where no Camel route is running. Called from inside a route,
     * camel-netty's consumer thread would start each nested send only after the current step, the last one
     * first, so a packet's fixes would reach the store in reverse order.
     */
    private static void runOutsideRoute(Channel channel, Runnable task) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down with the listener; the sends then fail like any other.
            task.run();
        }
    }

    /** Counts and logs a failed packet, and returns false as its outcome. */
    private boolean reportFailure(PacketRecords records, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        registry.error(records.deviceId(), DeviceErrorKind.STORE_FAILED);
        long count = storeFailures.increment();
        if (storeFailures.shouldLog(count)) {
            LOG.error("device={} {} could not be stored and is not acknowledged, so the tracker will send it again ({} store"
                    + " failures on this listener): {}", records.deviceId(), records.packet(), count, cause.toString());
        }
        return false;
    }

    private static void reply(PacketRecords records, Channel channel) {
        if (records.reply() == null) {
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("device={} out to {}: {}", records.deviceId(), channel.remoteAddress(), HexFormat.of().formatHex(records.reply()));
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(records.reply()));
    }
}
