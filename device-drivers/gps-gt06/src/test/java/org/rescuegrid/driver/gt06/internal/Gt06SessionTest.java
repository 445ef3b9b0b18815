package org.rescuegrid.driver.gt06.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.gt06.internal.decoder.Frames;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06FrameDecoder;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.testing.RecordingRegistry;

class Gt06SessionTest {

    static final Gt06DriverSettings SETTINGS = new Gt06DriverSettings("127.0.0.1", 5023, 1024, 600, false);
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final RecordingRegistry registry = new RecordingRegistry();
    private final EmbeddedChannel channel = channel(SETTINGS);

    @Test
    void loginIsRepliedWithoutRecords() {
        write(Frames.DOC_LOGIN);

        PacketRecords records = assertInstanceOf(PacketRecords.class, channel.readInbound());
        assertEquals("123456789012345", records.deviceId());
        assertTrue(records.fixes().isEmpty());
        assertTrue(records.events().isEmpty());
        assertArrayEquals(Frames.hex(Frames.DOC_LOGIN_REPLY), records.reply());
        assertEquals(List.of("connected 123456789012345 gt06", "contact 123456789012345"), registry.calls);
    }

    @Test
    void locationAfterLoginBecomesFixWithoutReply() {
        write(Frames.DOC_LOGIN);
        channel.readInbound();
        write(Frames.DOC_LOCATION);

        PacketRecords records = assertInstanceOf(PacketRecords.class, channel.readInbound());
        PositionFix fix = records.fixes().get(0);
        assertEquals("123456789012345", fix.deviceId());
        assertEquals(Instant.parse("2011-08-29T17:46:16Z"), fix.fixTime());
        assertEquals(23.1116683, fix.latitude(), 1e-7);
        assertNull(records.reply());
        assertTrue(registry.calls.contains("fix 123456789012345"));
    }

    @Test
    void locationRepliedWhenConfigured() {
        EmbeddedChannel acknowledging = channel(new Gt06DriverSettings("127.0.0.1", 5023, 1024, 600, true));
        acknowledging.writeInbound(Unpooled.wrappedBuffer(Frames.hex(Frames.DOC_LOGIN)));
        acknowledging.readInbound();
        acknowledging.writeInbound(Unpooled.wrappedBuffer(Frames.hex(Frames.DOC_LOCATION)));

        PacketRecords records = assertInstanceOf(PacketRecords.class, acknowledging.readInbound());
        assertEquals("787805120003903F0D0A", Frames.hex(records.reply()));
    }

    @Test
    void packetsBeforeLoginAreDropped() {
        write(Frames.DOC_LOCATION);
        write(Frames.STATUS);

        assertNull(channel.readInbound());
        assertTrue(registry.calls.isEmpty(), registry.calls.toString());
    }

    @Test
    void alarmBecomesFixAndSosEvent() {
        write(Frames.DOC_LOGIN);
        channel.readInbound();
        write(Frames.DOC_ALARM);

        PacketRecords records = assertInstanceOf(PacketRecords.class, channel.readInbound());
        assertEquals(1, records.fixes().size());
        DeviceEvent sos = records.events().get(0);
        assertEquals(DeviceEventTypes.SOS, sos.type());
        assertEquals(Instant.parse("2011-11-15T14:36:29Z"), sos.time());
        assertEquals("0x65", sos.attributes().get("terminalInfo"));
        assertEquals("1", sos.attributes().get("alarmCode"));
        assertEquals("6", sos.attributes().get("voltageLevel"));
        assertEquals("23.111755", sos.attributes().get("latitude"));
        assertEquals(1, records.events().size());
        assertEquals("78780516003695700D0A", Frames.hex(records.reply()));
    }

    @Test
    void statusYieldsIgnitionEventsOnChangeOnly() {
        write(Frames.DOC_LOGIN);
        channel.readInbound();

        PacketRecords first = statusRecords(0x44, 0);
        PacketRecords on = statusRecords(0x46, 0);
        PacketRecords still = statusRecords(0x46, 0);
        PacketRecords off = statusRecords(0x44, 0);

        assertTrue(first.events().isEmpty());
        assertEquals(DeviceEventTypes.IGNITION_ON, on.events().get(0).type());
        assertEquals(NOW, on.events().get(0).time());
        assertTrue(still.events().isEmpty());
        assertEquals(DeviceEventTypes.IGNITION_OFF, off.events().get(0).type());
        assertEquals("78780513000D", Frames.hex(off.reply()).substring(0, 12));
    }

    @Test
    void statusAlarmBitsYieldOneEventPerChange() {
        write(Frames.DOC_LOGIN);
        channel.readInbound();

        // Terminal-info bits 5-3: 010 power cut, then 011 low battery, then back to normal.
        PacketRecords powerCut = statusRecords(0x10, 0);
        PacketRecords repeated = statusRecords(0x10, 0);
        PacketRecords lowBattery = statusRecords(0x18, 0);
        PacketRecords normal = statusRecords(0x00, 0);

        assertEquals(List.of(DeviceEventTypes.POWER_CUT), types(powerCut));
        assertEquals(List.of(), types(repeated));
        assertEquals(List.of(DeviceEventTypes.LOW_BATTERY), types(lowBattery));
        assertEquals(List.of(), types(normal));
    }

    @Test
    void malformedFramesCountedAgainstDevice() {
        write(Frames.DOC_LOGIN);
        channel.readInbound();
        byte[] corrupt = Frames.hex(Frames.DOC_LOCATION);
        corrupt[8] ^= 0x01;
        channel.writeInbound(Unpooled.wrappedBuffer(corrupt));

        assertNull(channel.readInbound());
        assertTrue(registry.calls.contains("error 123456789012345 BAD_CHECKSUM"), registry.calls.toString());
        assertTrue(channel.isOpen());
    }

    @Test
    void disconnectIsReported() {
        write(Frames.DOC_LOGIN);
        channel.close();

        assertEquals("disconnected 123456789012345", registry.calls.get(registry.calls.size() - 1));
    }

    private int serial = 10;

    private PacketRecords statusRecords(int terminalInfo, int alarm) {
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.frame(0x13, new byte[] {(byte) terminalInfo, 4, 3, (byte) alarm, 2}, serial++)));
        return assertInstanceOf(PacketRecords.class, channel.readInbound());
    }

    private static List<String> types(PacketRecords records) {
        return records.events().stream().map(DeviceEvent::type).toList();
    }

    private void write(String hex) {
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.hex(hex)));
    }

    private EmbeddedChannel channel(Gt06DriverSettings settings) {
        return new EmbeddedChannel(new Gt06FrameDecoder(settings.maxFrameLength()),
                new Gt06Session(settings, registry, Clock.fixed(NOW, ZoneOffset.UTC)));
    }
}
