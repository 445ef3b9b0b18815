package org.rescuegrid.driver.teltonika.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlDecoder;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlPacket;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlRecord;
import org.rescuegrid.driver.teltonika.internal.decoder.FrameRejected;
import org.rescuegrid.driver.teltonika.internal.decoder.ImeiFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaDecodeException;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.driver.support.RepeatLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tracker connection: accepts the IMEI handshake, decodes each AVL packet and passes its positions,
 * events and record-count reply on to the Camel route as {@link PacketRecords}. The route commits the
 * records and only then replies. A bad handshake is rejected with {@code 0x00} and the connection closed;
 * bad AVL packets are dropped and counted, and the tracker resends them because they are not acknowledged.
 */
final class TeltonikaSession extends ChannelInboundHandlerAdapter {

    static final String PROTOCOL = "teltonika";
    static final Pattern IMEI = Pattern.compile("[0-9]{15,17}");
    private static final Logger LOG = LoggerFactory.getLogger(TeltonikaSession.class);
    private static final AvlDecoder DECODER = new AvlDecoder();
    private static final byte[] ACCEPT = {0x01};
    private static final byte[] REJECT = {0x00};
    private static final String UNIDENTIFIED = "unidentified";

    private final TeltonikaDriverSettings settings;
    private final DeviceRegistry registry;
    private final RepeatLimiter dropLog = new RepeatLimiter();
    private String deviceId;
    private SocketAddress remote;

    TeltonikaSession(TeltonikaDriverSettings settings, DeviceRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        remote = ctx.channel().remoteAddress();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ImeiFrame imei) {
            handshake(ctx, imei);
        } else if (msg instanceof FrameRejected rejected) {
            if (deviceId == null) {
                rejectHandshake(ctx, rejected.reason());
                return;
            }
            countDrop(rejected.kind(), rejected.reason());
        } else {
            avl(ctx, (AvlFrame) msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info("device={} sent nothing for {} s on {}; connection from {} closed", describeDevice(),
                    settings.idleTimeoutSeconds(), settings.endpoint(), remote);
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (deviceId != null) {
            registry.disconnected(deviceId);
        }
        if (dropLog.count() > 0) {
            LOG.info("device={} connection from {} closed; {} packets dropped in it", describeDevice(), remote, dropLog.count());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("device={} connection from {} failed: {}", describeDevice(), remote, cause.toString());
        } else {
            LOG.warn("device={} connection from {} closed after an unexpected error: {}", describeDevice(), remote, cause.toString(), cause);
        }
        ctx.close();
    }

    private void handshake(ChannelHandlerContext ctx, ImeiFrame frame) {
        String imei = frame.imei();
        if (!IMEI.matcher(imei).matches()) {
            rejectHandshake(ctx, "IMEI '" + printable(imei) + "' is not 15-17 digits");
            return;
        }
        if (frame.junkBytes() > 0) {
            // The registry counts the error only for a device it already has, because error() registers no device.
            registry.error(imei, DeviceErrorKind.UNPARSEABLE);
            dropLog.increment();
            LOG.warn("device={} connection from {} on {} sent {} bytes after its IMEI that do not begin an AVL packet;"
                    + " handshake rejected and connection closed", imei, remote, settings.endpoint(), frame.junkBytes());
            replyRejectAndClose(ctx);
            return;
        }
        deviceId = imei;
        registry.connected(deviceId, PROTOCOL);
        ctx.fireChannelRead(new PacketRecords(deviceId, "IMEI handshake", List.of(), List.of(), ACCEPT));
    }

    private void rejectHandshake(ChannelHandlerContext ctx, String reason) {
        LOG.warn("Connection from {} on {} sent an invalid handshake and is closed: {}", remote, settings.endpoint(), reason);
        replyRejectAndClose(ctx);
    }

    private static void replyRejectAndClose(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(REJECT)).addListener(ChannelFutureListener.CLOSE);
    }

    private void avl(ChannelHandlerContext ctx, AvlFrame frame) {
        registry.contact(deviceId, PROTOCOL);
        if (LOG.isDebugEnabled()) {
            LOG.debug("device={} in from {}: {}", deviceId, remote, HexFormat.of().formatHex(frame.data()));
        }
        AvlPacket packet;
        try {
            packet = DECODER.decode(frame);
        } catch (TeltonikaDecodeException e) {
            countDrop(e.kind(), e.getMessage());
            return;
        }
        List<PositionFix> fixes = new ArrayList<>(packet.records().size());
        List<DeviceEvent> events = new ArrayList<>();
        for (AvlRecord record : packet.records()) {
            fixes.add(toFix(deviceId, record));
            events.addAll(AvlEvents.of(deviceId, record));
            registry.fixReceived(deviceId);
        }
        int count = packet.records().size();
        byte[] reply = {(byte) (count >>> 24), (byte) (count >>> 16), (byte) (count >>> 8), (byte) count};
        String description = String.format("codec 0x%02X packet of %d records", packet.codec(), count);
        ctx.fireChannelRead(new PacketRecords(deviceId, description, fixes, events, reply));
    }

    /** Builds the fix of a record; a record with no satellites, or at 0,0, carries the last known position and is invalid. */
    static PositionFix toFix(String deviceId, AvlRecord record) {
        Long hdop = record.io().get(AvlEvents.IO_HDOP);
        boolean valid = record.satellites() > 0 && !(record.latitude() == 0 && record.longitude() == 0);
        return new PositionFix(deviceId, record.time(), record.latitude(), record.longitude(), (double) record.altitude(),
                (double) record.speedKmh(), (double) record.angle(), record.satellites(), hdop == null ? null : hdop / 10.0, valid);
    }

    private void countDrop(DeviceErrorKind kind, String reason) {
        registry.error(deviceId, kind);
        long count = dropLog.increment();
        if (dropLog.shouldLog(count)) {
            LOG.warn("device={} {} dropped from {} ({} dropped on this connection): {}", deviceId, kind, remote, count, reason);
        }
    }

    private String describeDevice() {
        return deviceId == null ? UNIDENTIFIED : deviceId;
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
