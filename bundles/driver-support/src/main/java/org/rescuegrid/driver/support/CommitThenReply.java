package org.rescuegrid.driver.support;

import java.util.HexFormat;

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
public final class CommitThenReply {

    private static final Logger LOG = LoggerFactory.getLogger(CommitThenReply.class);

    private final RecordSink sink;
    private final DeviceRegistry registry;
    private final RepeatLimiter storeFailures = new RepeatLimiter();

    public CommitThenReply(RecordSink sink, DeviceRegistry registry) {
        this.sink = sink;
        this.registry = registry;
    }

    /** Stores the records in order and, once all are committed, writes the reply to the channel. Returns whether all were stored. */
    public boolean commitThenReply(PacketRecords records, Channel channel) {
        try {
            for (PositionFix fix : records.fixes()) {
                sink.store(fix);
            }
            for (DeviceEvent event : records.events()) {
                sink.store(event);
            }
        } catch (RuntimeException e) {
            registry.error(records.deviceId(), DeviceErrorKind.STORE_FAILED);
            long count = storeFailures.increment();
            if (storeFailures.shouldLog(count)) {
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
