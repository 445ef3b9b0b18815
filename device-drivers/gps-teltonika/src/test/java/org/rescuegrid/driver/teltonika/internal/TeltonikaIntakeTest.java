package org.rescuegrid.driver.teltonika.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.driver.support.CommitThenReply;
import org.rescuegrid.driver.support.RecordSink;
import org.rescuegrid.testing.RecordingRegistry;

class TeltonikaIntakeTest {

    private static final byte[] REPLY = new byte[] {0, 0, 0, 1};
    private static final PositionFix FIX = new PositionFix("356307042441013", Instant.parse("2011-11-15T14:36:29Z"), 23.111755,
            114.40923, null, 0.0, 2.0, 15, null, true);
    private static final DeviceEvent SOS = new DeviceEvent("356307042441013", DeviceEventTypes.SOS, Instant.parse("2011-11-15T14:36:29Z"),
            Map.of());

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RecordingRegistry registry = new RecordingRegistry();
    private final List<String> stored = new ArrayList<>();

    @Test
    void replySentOnlyAfterEveryRecordIsCommitted() {
        RecordSink sink = new RecordSink() {
            @Override
            public void store(PositionFix fix) {
                stored.add("fix, reply already sent: " + (channel.outboundMessages().size() > 0));
            }

            @Override
            public void store(DeviceEvent event) {
                stored.add("event, reply already sent: " + (channel.outboundMessages().size() > 0));
            }
        };

        boolean committed = new CommitThenReply(sink, registry).commitThenReply(records(), channel).join();

        assertTrue(committed);
        assertEquals(List.of("fix, reply already sent: false", "event, reply already sent: false"), stored);
        ByteBuf reply = channel.readOutbound();
        assertEquals("00000001", ByteBufUtil.hexDump(reply));
        reply.release();
    }

    @Test
    void noReplyWhenStoreFails() {
        RecordSink sink = new RecordSink() {
            @Override
            public void store(PositionFix fix) {
                stored.add("fix");
            }

            @Override
            public void store(DeviceEvent event) {
                throw new IllegalStateException("database is read-only");
            }
        };

        boolean committed = new CommitThenReply(sink, registry).commitThenReply(records(), channel).join();

        assertFalse(committed);
        assertNull(channel.readOutbound());
        assertEquals(List.of("error 356307042441013 STORE_FAILED"), registry.calls);
    }

    @Test
    void packetWithoutReplySendsNothing() {
        RecordSink sink = new RecordSink() {
            @Override
            public void store(PositionFix fix) {
                stored.add("fix");
            }

            @Override
            public void store(DeviceEvent event) {
                stored.add("event");
            }
        };
        PacketRecords location = new PacketRecords(FIX.deviceId(), "codec 0x08 packet of 1 records", List.of(FIX), List.of(), null);

        assertTrue(new CommitThenReply(sink, registry).commitThenReply(location, channel).join());
        assertEquals(List.of("fix"), stored);
        assertNull(channel.readOutbound());
    }

    private static PacketRecords records() {
        return new PacketRecords(FIX.deviceId(), "codec 0x08 packet of 1 records", List.of(FIX), List.of(SOS), REPLY);
    }
}
