package org.rescuegrid.benchmarks;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import org.rescuegrid.simulators.internal.EpochFix;
import org.rescuegrid.simulators.internal.Gt06Encoder;
import org.rescuegrid.simulators.internal.TeltonikaEncoder;

/**
 * One simulated GT06 or Teltonika tracker on one connection. After the driver accepts its login or IMEI
 * handshake it sends one location packet every interval, walking a recorded track with fix times one second
 * apart, and matches each acknowledgement to the oldest unacknowledged packet. Both drivers acknowledge a
 * packet only after its position is committed and reply in order on a connection, so the time from send to
 * acknowledgement is the ingest-to-commit latency. All methods run on the channel's event loop.
 */
final class SimulatedTracker extends ChannelInboundHandlerAdapter {

    /** Length of a GT06 server reply: start bytes, length, protocol, serial, CRC, stop bytes. */
    private static final int GT06_REPLY_LENGTH = 10;
    private static final int GT06_LOGIN = 0x01;

    private final String imei;
    private final boolean teltonika;
    private final Gt06Encoder gt06 = new Gt06Encoder();
    private final TeltonikaEncoder avl;
    private final List<EpochFix> track;
    private final Instant firstFixTime;
    private final long intervalNanos;
    private final int window;
    private final LoadStats stats;
    private final ArrayDeque<Long> unacknowledged = new ArrayDeque<>();

    private ByteBuf received;
    private boolean accepted;
    private long sequence;
    private ScheduledFuture<?> sending;

    SimulatedTracker(String imei, boolean teltonika, int codec, List<EpochFix> track, Instant firstFixTime, long intervalNanos, int window,
            LoadStats stats) {
        this.imei = imei;
        this.teltonika = teltonika;
        this.avl = new TeltonikaEncoder(codec);
        this.track = track;
        this.firstFixTime = firstFixTime;
        this.intervalNanos = intervalNanos;
        this.window = window;
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        received = ctx.alloc().buffer(64);
        stats.connectionOpened();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(teltonika ? avl.handshake(imei) : gt06.login(imei)));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            received.writeBytes(in);
        } finally {
            in.release();
        }
        if (teltonika) {
            readTeltonikaReplies(ctx);
        } else {
            readGt06Replies(ctx);
        }
        received.discardReadBytes();
    }

    private void readTeltonikaReplies(ChannelHandlerContext ctx) {
        if (!accepted && received.isReadable()) {
            if (received.readByte() != 0x01) {
                stats.handshakeRejected();
                ctx.close();
                return;
            }
            onAccepted(ctx);
        }
        while (received.readableBytes() >= 4) {
            long count = received.readUnsignedInt();
            for (long i = 0; i < count; i++) {
                acknowledgeOldest();
            }
        }
    }

    private void readGt06Replies(ChannelHandlerContext ctx) {
        while (received.readableBytes() >= GT06_REPLY_LENGTH) {
            int protocol = received.getUnsignedByte(received.readerIndex() + 3);
            received.skipBytes(GT06_REPLY_LENGTH);
            if (protocol == GT06_LOGIN) {
                if (!accepted) {
                    onAccepted(ctx);
                }
            } else {
                acknowledgeOldest();
            }
        }
    }

    private void onAccepted(ChannelHandlerContext ctx) {
        accepted = true;
        stats.trackerAccepted();
        // A random phase spreads the trackers' sends evenly over the interval instead of in bursts.
        long phase = ThreadLocalRandom.current().nextLong(intervalNanos);
        sending = ctx.executor().scheduleAtFixedRate(() -> sendFix(ctx), phase, intervalNanos, TimeUnit.NANOSECONDS);
    }

    private void sendFix(ChannelHandlerContext ctx) {
        if (unacknowledged.size() >= window) {
            stats.sendSkipped();
            return;
        }
        EpochFix fix = track.get((int) (sequence % track.size())).at(firstFixTime.plusSeconds(sequence));
        sequence++;
        byte[] packet = teltonika ? avl.location(fix) : gt06.location(fix);
        unacknowledged.add(System.nanoTime());
        stats.sent();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(packet));
    }

    private void acknowledgeOldest() {
        Long sentAt = unacknowledged.poll();
        if (sentAt == null) {
            stats.unexpectedAcknowledgement();
            return;
        }
        stats.acknowledged(System.nanoTime() - sentAt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (sending != null) {
            sending.cancel(false);
        }
        stats.connectionClosed(accepted, unacknowledged.size());
        if (received != null) {
            received.release();
            received = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        stats.connectionFailed(cause);
        ctx.close();
    }

    /** Stops sending; packets already sent can still be acknowledged until the connection closes. */
    void stopSending() {
        if (sending != null) {
            sending.cancel(false);
        }
    }

    long unacknowledgedCount() {
        return unacknowledged.size();
    }
}
