package org.rescuegrid.driver.teltonika.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrames;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaFrameDecoder;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.testing.RecordingRegistry;

class TeltonikaSessionTest {

    static final TeltonikaDriverSettings SETTINGS = new TeltonikaDriverSettings("127.0.0.1", 5027, 8192, 600);
    private static final long TIME = 1764842400000L;

    private final RecordingRegistry registry = new RecordingRegistry();
    private final EmbeddedChannel channel = new EmbeddedChannel(new TeltonikaFrameDecoder(8192), new TeltonikaSession(SETTINGS, registry));

    @Test
    void handshakeAcceptedAfterRoute() {
        write(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE));

        PacketRecords records = assertInstanceOf(PacketRecords.class, channel.readInbound());
        assertEquals("356307042441013", records.deviceId());
        assertArrayEquals(new byte[] {0x01}, records.reply());
        assertNull(channel.readOutbound());
        assertEquals(List.of("connected 356307042441013 teltonika"), registry.calls);
    }

    @Test
    void invalidImeiRejectedAndClosed() {
        write(AvlFrames.hex("00053335363341"));

        ByteBuf reply = channel.readOutbound();
        assertEquals(0x00, reply.readByte());
        reply.release();
        assertFalse(channel.isOpen());
        assertTrue(registry.calls.isEmpty());
    }

    @Test
    void junkAfterImeiRejectsHandshake() {
        channel.writeInbound(Unpooled.wrappedBuffer(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE), AvlFrames.hex("FFEE0102")));

        ByteBuf reply = channel.readOutbound();
        assertEquals(0x00, reply.readByte());
        reply.release();
        assertNull(channel.readInbound());
        assertFalse(channel.isOpen());
        assertEquals(List.of("error 356307042441013 UNPARSEABLE"), registry.calls);
    }

    @Test
    void packetAfterImeiInSameReadAccepted() {
        channel.writeInbound(Unpooled.wrappedBuffer(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE), AvlFrames.hex(AvlFrames.DOC_CODEC8_TWO_RECORDS)));

        assertArrayEquals(new byte[] {0x01}, assertInstanceOf(PacketRecords.class, channel.readInbound()).reply());
        assertEquals(2, assertInstanceOf(PacketRecords.class, channel.readInbound()).fixes().size());
        assertTrue(channel.isOpen());
    }

    @Test
    void documentPacketYieldsInvalidFixesAndCountReply() {
        write(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE));
        channel.readInbound();
        write(AvlFrames.hex(AvlFrames.DOC_CODEC8_TWO_RECORDS));

        PacketRecords records = assertInstanceOf(PacketRecords.class, channel.readInbound());
        assertEquals(2, records.fixes().size());
        PositionFix first = records.fixes().get(0);
        assertEquals(Instant.parse("2019-06-10T10:01:01Z"), first.fixTime());
        assertFalse(first.valid(), "no satellites, so the record carries no fix");
        assertTrue(records.events().isEmpty());
        assertArrayEquals(new byte[] {0, 0, 0, 2}, records.reply());
    }

    @Test
    void recordBecomesFixWithHdop() {
        write(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE));
        channel.readInbound();
        write(AvlFrames.packet(AvlFrames.codec8Record(TIME, 0, 31.5204, 74.3587, 48, 11, 1, 1)));

        PositionFix fix = assertInstanceOf(PacketRecords.class, channel.readInbound()).fixes().get(0);
        assertEquals("356307042441013", fix.deviceId());
        assertEquals(Instant.ofEpochMilli(TIME), fix.fixTime());
        assertEquals(31.5204, fix.latitude(), 1e-7);
        assertEquals(74.3587, fix.longitude(), 1e-7);
        assertEquals(217.0, fix.altitude());
        assertEquals(48.0, fix.speedKmh());
        assertEquals(182.0, fix.course());
        assertEquals(11, fix.satellites());
        assertEquals(0.9, fix.hdop(), 1e-9);
        assertTrue(fix.valid());
    }

    @Test
    void eventIoIdsBecomeDeviceEvents() {
        write(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE));
        channel.readInbound();

        assertEquals(List.of(DeviceEventTypes.IGNITION_ON), types(0, 239, 1));
        assertEquals(List.of(DeviceEventTypes.IGNITION_OFF), types(0, 239, 0));
        assertEquals(List.of(DeviceEventTypes.POWER_CUT), types(0, 252, 1));
        assertEquals(List.of(DeviceEventTypes.HARSH_ACCELERATION), types(0, 253, 1));
        assertEquals(List.of(DeviceEventTypes.HARSH_BRAKING), types(0, 253, 2));
        assertEquals(List.of(AvlEvents.HARSH_CORNERING), types(0, 253, 3));
        assertEquals(List.of(DeviceEventTypes.OVERSPEED), types(0, 255, 97));
        assertEquals(List.of(DeviceEventTypes.SOS), types(0, 236, 1));
        assertEquals(List.of(DeviceEventTypes.SOS), types(2, 1, 1));
        assertEquals(List.of(), types(0, 1, 1));
    }

    @Test
    void eventCarriesPositionAndValue() {
        write(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE));
        channel.readInbound();
        write(AvlFrames.packet(AvlFrames.codec8Record(TIME, 1, 31.5204, 74.3587, 97, 9, 255, 97)));

        DeviceEvent event = assertInstanceOf(PacketRecords.class, channel.readInbound()).events().get(0);
        assertEquals(Instant.ofEpochMilli(TIME), event.time());
        assertEquals("255", event.attributes().get("eventIoId"));
        assertEquals("97", event.attributes().get("value"));
        assertEquals("97", event.attributes().get("speedKmh"));
        assertEquals("31.5204", event.attributes().get("latitude"));
    }

    @Test
    void badPacketCountedAndNotAcknowledged() {
        write(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE));
        channel.readInbound();
        byte[] data = AvlFrames.codec8Record(TIME, 0, 31.5, 74.3, 0, 5, 0, 0);
        data[0] = 0x0C;
        write(AvlFrames.packet(data));

        assertNull(channel.readInbound());
        assertNull(channel.readOutbound());
        assertTrue(registry.calls.contains("error 356307042441013 UNPARSEABLE"), registry.calls.toString());
        assertTrue(channel.isOpen());
    }

    private List<String> types(int priority, int eventIoId, int value) {
        write(AvlFrames.packet(AvlFrames.codec8Record(TIME, priority, 31.5, 74.3, 40, 8, eventIoId, value)));
        PacketRecords records = assertInstanceOf(PacketRecords.class, channel.readInbound());
        return records.events().stream().map(DeviceEvent::type).toList();
    }

    private void write(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    }
}
