package org.rescuegrid.driver.nmea.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.Optional;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.nmea.internal.decoder.DecodeResult;
import org.rescuegrid.driver.nmea.internal.decoder.EpochAssembler;
import org.rescuegrid.driver.nmea.internal.decoder.LineOutcome;
import org.rescuegrid.driver.nmea.internal.decoder.RegistrationLine;
import org.rescuegrid.driver.support.RepeatLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device connection: identifies the device, feeds its lines to the epoch assembler, counts what it
 * drops, and passes each finished {@link PositionFix} on to the Camel route. Bad input never closes the
 * connection; only an idle timeout or the device does.
 */
final class NmeaSession extends ChannelInboundHandlerAdapter {

    static final String PROTOCOL = "nmea";
    private static final Logger LOG = LoggerFactory.getLogger(NmeaSession.class);
    private static final String UNIDENTIFIED = "unidentified";

    private final NmeaDriverSettings settings;
    private final DeviceRegistry registry;
    private final EpochAssembler assembler;
    private final RegistrationLine registration;
    private final RepeatLimiter dropLog = new RepeatLimiter();
    private String deviceId;
    private SocketAddress remote;
    private long linesBeforeRegistration;

    NmeaSession(NmeaDriverSettings settings, DeviceRegistry registry, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.deviceId = settings.fixedDeviceId();
        this.assembler = new EpochAssembler(deviceId == null ? UNIDENTIFIED : deviceId, clock);
        this.registration = settings.identifiedByPort() ? null : new RegistrationLine(settings.registrationPrefix());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        remote = ctx.channel().remoteAddress();
        if (deviceId != null) {
            registry.connected(deviceId, PROTOCOL);
        } else {
            LOG.debug("Connection from {} on {} waits for its registration line", remote, settings.endpoint());
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof NmeaFrame.TooLong tooLong) {
            countDrop(DeviceErrorKind.FRAME_TOO_LONG, "line of " + tooLong.length() + " bytes exceeds maxFrameLength="
                    + tooLong.maxLength() + " and was dropped");
            return;
        }
        String line = ((NmeaFrame.Line) msg).text();
        if (deviceId == null) {
            register(line);
            return;
        }

        registry.contact(deviceId, PROTOCOL);
        LineOutcome outcome = assembler.accept(line);
        if (outcome.decodeResult() instanceof DecodeResult.Rejected rejected) {
            countDrop(rejected.kind(), rejected.reason());
        }
        outcome.completedFixes().forEach(fix -> forward(ctx, fix));
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
        // The epoch in progress is complete as far as this device will ever send it.
        if (deviceId != null) {
            assembler.flush().forEach(fix -> forward(ctx, fix));
            registry.disconnected(deviceId);
        }
        if (dropLog.count() > 0) {
            LOG.info("device={} connection from {} closed; {} lines dropped in it", describeDevice(), remote, dropLog.count());
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

    private void register(String line) {
        Optional<RegistrationLine.Registration> parsed = registration.parse(line);
        if (parsed.isEmpty()) {
            linesBeforeRegistration++;
            if (linesBeforeRegistration == 1) {
                LOG.warn("Connection from {} on {} sent data before its registration line (prefix '{}'); its lines are dropped until it registers",
                        remote, settings.endpoint(), settings.registrationPrefix());
            }
            return;
        }
        if (parsed.get() instanceof RegistrationLine.Registration.Rejected rejected) {
            LOG.warn("Connection from {} on {} sent an invalid registration line: {}", remote, settings.endpoint(), rejected.reason());
            return;
        }
        deviceId = ((RegistrationLine.Registration.Accepted) parsed.get()).deviceId();
        assembler.setDeviceId(deviceId);
        registry.connected(deviceId, PROTOCOL);
        if (linesBeforeRegistration > 0) {
            LOG.info("device={} registered from {} after {} unidentified lines were dropped", deviceId, remote, linesBeforeRegistration);
        }
    }

    private void forward(ChannelHandlerContext ctx, PositionFix fix) {
        registry.fixReceived(deviceId);
        ctx.fireChannelRead(fix);
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
