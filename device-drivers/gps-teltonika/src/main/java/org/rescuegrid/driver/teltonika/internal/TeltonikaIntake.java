package org.rescuegrid.driver.teltonika.internal;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the records of one packet and then replies to the device. When a record cannot be stored the
 * reply is not sent, so the tracker keeps the packet and sends it again.
 */
final class TeltonikaIntake {

    private static final Logger LOG = LoggerFactory.getLogger(TeltonikaIntake.class);
    private static final int LOG_FIRST = 5;
    private static final int LOG_EVERY = 1000;

    private final RecordSink sink;
    private final DeviceRegistry registry;
    private final AtomicLong storeFailures = new AtomicLong();

    TeltonikaIntake(RecordSink sink, DeviceRegistry registry) {
        this.sink = sink;
        this.registry = registry;
    }

    /** Stores the records in order and, once all are committed, writes the reply to the channel. Returns whether all were stored. */
    boolean commitThenReply(TeltonikaRecords records, Channel channel) {
        try {
            for (PositionFix fix : records.fixes()) {
                sink.store(fix);
            }
            for (DeviceEvent event : records.events()) {
                sink.store(event);
            }
        } catch (RuntimeException e) {
            registry.error(records.deviceId(), DeviceErrorKind.STORE_FAILED);
            long count = storeFailures.incrementAndGet();
            if (count <= LOG_FIRST || count % LOG_EVERY == 0) {
                LOG.error("device={} {} could not be stored and is not acknowledged, so the tracker will send it again ({} store"
                        + " failures on this listener): {}", records.deviceId(), records.packet(), count, e.toString());
            }
            return false;
        }
        if (records.reply() != null) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("device={} out to {}: {}", records.deviceId(), channel.remoteAddress(), HexFormat.of().formatHex(records.reply()));
            }
            channel.writeAndFlush(Unpooled.wrappedBuffer(records.reply()));
        }
        return true;
    }
}
