package org.rescuegrid.driver.teltonika.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.driver.support.RepeatLimiter;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlDecoder;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlPacket;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlRecord;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaDecodeException;
import org.rescuegrid.driver.teltonika.internal.decoder.UdpAvlDatagram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP listener's only channel handler: decodes each AVL datagram of any tracker and passes its records
 * and acknowledgement on to the Camel route as a {@link UdpPacket}. A bad datagram is dropped, counted
 * against its device when its IMEI could be read, and left unacknowledged, so the tracker sends it again.
 */
final class TeltonikaUdpSession extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TeltonikaUdpSession.class);
    private static final AvlDecoder DECODER = new AvlDecoder();

    private final TeltonikaDriverSettings settings;
    private final DeviceRegistry registry;
    private final RepeatLimiter dropLog = new RepeatLimiter();

    TeltonikaUdpSession(TeltonikaDriverSettings settings, DeviceRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket datagram)) {
            ctx.fireChannelRead(msg);
            return;
        }
        InetSocketAddress sender = datagram.sender();
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(datagram.content());
        } finally {
            datagram.release();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("datagram in from {}: {}", sender, HexFormat.of().formatHex(bytes));
        }

        UdpAvlDatagram parsed;
        try {
            parsed = UdpAvlDatagram.parse(bytes, settings.maxFrameLength());
        } catch (TeltonikaDecodeException e) {
            countDrop(null, sender, e.kind(), e.getMessage());
            return;
        }
        String deviceId = parsed.imei();
        if (!TeltonikaSession.IMEI.matcher(deviceId).matches()) {
            countDrop(null, sender, DeviceErrorKind.UNPARSEABLE, "IMEI '" + deviceId.replaceAll("[^\\x20-\\x7E]", "?") + "' is not 15-17 digits");
            return;
        }
        registry.contact(deviceId, TeltonikaSession.PROTOCOL);

        AvlPacket packet;
        try {
            packet = DECODER.decode(parsed.data());
        } catch (TeltonikaDecodeException e) {
            countDrop(deviceId, sender, e.kind(), e.getMessage());
            return;
        }
        List<PositionFix> fixes = new ArrayList<>(packet.records().size());
        List<DeviceEvent> events = new ArrayList<>();
        for (AvlRecord record : packet.records()) {
            fixes.add(TeltonikaSession.toFix(deviceId, record));
            events.addAll(AvlEvents.of(deviceId, record));
            registry.fixReceived(deviceId);
        }
        int count = packet.records().size();
        String description = String.format("codec 0x%02X datagram %d (AVL packet %d) of %d records", packet.codec(), parsed.packetId(),
                parsed.avlPacketId(), count);
        ctx.fireChannelRead(new UdpPacket(new PacketRecords(deviceId, description, fixes, events, null), sender,
                parsed.acknowledgement(count)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // The channel serves every tracker of the port, so it stays open.
        LOG.warn("UDP listener on {} failed to handle a datagram: {}", settings.udpEndpoint(), cause.toString(), cause);
    }

    private void countDrop(String deviceId, InetSocketAddress sender, DeviceErrorKind kind, String reason) {
        if (deviceId != null) {
            registry.error(deviceId, kind);
        }
        long count = dropLog.increment();
        if (dropLog.shouldLog(count)) {
            LOG.warn("device={} {} datagram dropped from {} ({} dropped on {}): {}", deviceId == null ? "unidentified" : deviceId, kind,
                    sender, count, settings.udpEndpoint(), reason);
        }
    }
}
