package org.rescuegrid.driver.gt06.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.driver.gt06.internal.decoder.FrameRejected;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06DecodeException;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Decoder;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Frames;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Message;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Packet;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.driver.support.RepeatLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tracker connection: identifies the device by its login packet, decodes each packet and passes
 * its records and reply on to the Camel route as {@link PacketRecords}. The route commits the records
 * and only then sends the reply. Bad input is dropped and counted and never closes the connection;
 * only an idle timeout or the device does.
 */
final class Gt06Session extends ChannelInboundHandlerAdapter {

    static final String PROTOCOL = "gt06";
    private static final Logger LOG = LoggerFactory.getLogger(Gt06Session.class);
    private static final Gt06Decoder DECODER = new Gt06Decoder();
    private static final String UNIDENTIFIED = "unidentified";

    private final Gt06DriverSettings settings;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final StatusEvents statusEvents = new StatusEvents();
    private final RepeatLimiter dropLog = new RepeatLimiter();
    private String deviceId;
    private SocketAddress remote;
    private long packetsBeforeLogin;

    Gt06Session(Gt06DriverSettings settings, DeviceRegistry registry, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        remote = ctx.channel().remoteAddress();
        LOG.debug("Connection from {} on {} waits for its login packet", remote, settings.endpoint());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FrameRejected rejected) {
            countDrop(rejected.kind(), rejected.reason());
            return;
        }
        Gt06Packet packet = (Gt06Packet) msg;
        if (LOG.isDebugEnabled()) {
            LOG.debug("device={} in from {}: protocol=0x{} serial={} content={}", describeDevice(), remote,
                    Integer.toHexString(packet.protocol()), packet.serial(), HexFormat.of().formatHex(packet.content()));
        }
        Gt06Message message;
        try {
            message = DECODER.decode(packet);
        } catch (Gt06DecodeException e) {
            countDrop(e.kind(), e.getMessage());
            return;
        }
        if (message instanceof Gt06Message.Login login) {
            login(ctx, login);
            return;
        }
        if (deviceId == null) {
            dropBeforeLogin(packet);
            return;
        }
        registry.contact(deviceId, PROTOCOL);
        ctx.fireChannelRead(records(packet, message));
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
            LOG.info("device={} connection from {} closed; {} frames dropped in it", describeDevice(), remote, dropLog.count());
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

    private void login(ChannelHandlerContext ctx, Gt06Message.Login login) {
        if (deviceId != null && !deviceId.equals(login.imei())) {
            LOG.warn("device={} connection from {} logged in again as device={}; its packets are now counted against the new id",
                    deviceId, remote, login.imei());
            registry.disconnected(deviceId);
        }
        if (!login.imei().equals(deviceId)) {
            deviceId = login.imei();
            registry.connected(deviceId, PROTOCOL);
        }
        if (packetsBeforeLogin > 0) {
            LOG.info("device={} logged in from {} after {} packets before the login were dropped", deviceId, remote, packetsBeforeLogin);
        }
        registry.contact(deviceId, PROTOCOL);
        ctx.fireChannelRead(new PacketRecords(deviceId, "login serial " + login.serial(), List.of(), List.of(),
                Gt06Frames.reply(Gt06Decoder.LOGIN, login.serial())));
    }

    private PacketRecords records(Gt06Packet packet, Gt06Message message) {
        String description = String.format("protocol 0x%02X serial %d", packet.protocol(), packet.serial());
        byte[] reply = Gt06Frames.reply(packet.protocol(), packet.serial());
        if (message instanceof Gt06Message.Location location) {
            registry.fixReceived(deviceId);
            return new PacketRecords(deviceId, description, List.of(location.gps().toFix(deviceId)), List.of(),
                    settings.acknowledgeLocation() ? reply : null);
        }
        if (message instanceof Gt06Message.Alarm alarm) {
            registry.fixReceived(deviceId);
            List<DeviceEvent> events = statusEvents.fromAlarm(deviceId, alarm.gps(), alarm.status());
            return new PacketRecords(deviceId, description, List.of(alarm.gps().toFix(deviceId)), events, reply);
        }
        Gt06Message.Status status = (Gt06Message.Status) message;
        List<DeviceEvent> events = statusEvents.fromStatus(deviceId, clock.instant(), status.status());
        return new PacketRecords(deviceId, description, List.of(), events, reply);
    }

    private void dropBeforeLogin(Gt06Packet packet) {
        packetsBeforeLogin++;
        if (packetsBeforeLogin == 1) {
            LOG.warn("Connection from {} on {} sent protocol 0x{} before its login packet; packets are dropped and not acknowledged"
                    + " until it logs in", remote, settings.endpoint(), Integer.toHexString(packet.protocol()));
        }
    }

    private void countDrop(DeviceErrorKind kind, String reason) {
        if (deviceId != null) {
            registry.error(deviceId, kind);
        }
        long count = dropLog.increment();
        if (dropLog.shouldLog(count)) {
            LOG.warn("device={} {} dropped from {} ({} dropped on this connection): {}", describeDevice(), kind, remote, count, reason);
        }
    }

    private String describeDevice() {
        return deviceId == null ? UNIDENTIFIED : deviceId;
    }
}
