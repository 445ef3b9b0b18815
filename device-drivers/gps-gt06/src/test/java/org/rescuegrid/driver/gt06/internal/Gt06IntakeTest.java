package org.rescuegrid.driver.gt06.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.gt06.internal.decoder.Frames;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.driver.support.CommitThenReply;
import org.rescuegrid.driver.support.RecordSink;
import org.rescuegrid.testing.RecordingRegistry;

class Gt06IntakeTest {

    private static final byte[] REPLY = Frames.hex("78780516003695700D0A");
    private static final PositionFix FIX = new PositionFix("123456789012345", Instant.parse("2011-11-15T14:36:29Z"), 23.111755,
            114.40923, null, 0.0, 2.0, 15, null, true);
    private static final DeviceEvent SOS = new DeviceEvent("123456789012345", DeviceEventTypes.SOS, Instant.parse("2011-11-15T14:36:29Z"),
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
        assertEquals(Frames.hex(REPLY), ByteBufUtil.hexDump(reply).toUpperCase());
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
        assertEquals(List.of("error 123456789012345 STORE_FAILED"), registry.calls);
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
        PacketRecords location = new PacketRecords(FIX.deviceId(), "protocol 0x12 serial 3", List.of(FIX), List.of(), null);

        assertTrue(new CommitThenReply(sink, registry).commitThenReply(location, channel).join());
        assertEquals(List.of("fix"), stored);
        assertNull(channel.readOutbound());
    }

    @Test
    void repliesKeepPacketOrderWhenCommitsDoNot() {
        List<CompletableFuture<Object>> commits = new ArrayList<>();
        RecordSink sink = new RecordSink() {
            @Override
            public void store(PositionFix fix) {
                throw new UnsupportedOperationException("only the asynchronous path is used");
            }

            @Override
            public void store(DeviceEvent event) {
                throw new UnsupportedOperationException("only the asynchronous path is used");
            }

            @Override
            public CompletableFuture<?> storeAsync(PositionFix fix) {
                CompletableFuture<Object> commit = new CompletableFuture<>();
                commits.add(commit);
                return commit;
            }
        };
        CommitThenReply intake = new CommitThenReply(sink, registry);
        byte[] firstReply = Frames.hex("01");
        byte[] secondReply = Frames.hex("02");
        CompletableFuture<Boolean> first = intake.commitThenReply(new PacketRecords(FIX.deviceId(), "protocol 0x12 serial 1", List.of(FIX),
                List.of(), firstReply), channel);
        CompletableFuture<Boolean> second = intake.commitThenReply(new PacketRecords(FIX.deviceId(), "protocol 0x12 serial 2",
                List.of(FIX.withDeviceId(FIX.deviceId())), List.of(), secondReply), channel);

        commits.get(1).complete(null);

        assertFalse(second.isDone(), "the second reply waits for the first packet");
        assertNull(channel.readOutbound());

        commits.get(0).complete(null);

        assertTrue(first.join());
        assertTrue(second.join());
        ByteBuf one = channel.readOutbound();
        ByteBuf two = channel.readOutbound();
        assertEquals(Frames.hex(firstReply), ByteBufUtil.hexDump(one).toUpperCase());
        assertEquals(Frames.hex(secondReply), ByteBufUtil.hexDump(two).toUpperCase());
        one.release();
        two.release();
    }

    private static PacketRecords records() {
        return new PacketRecords(FIX.deviceId(), "protocol 0x16 serial 54", List.of(FIX), List.of(SOS), REPLY);
    }
}
