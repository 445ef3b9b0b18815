package org.rescuegrid.driver.teltonika.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrames;
import org.rescuegrid.testing.RecordingRegistry;

class TeltonikaUdpSessionTest {

    private static final InetSocketAddress TRACKER = new InetSocketAddress("127.0.0.1", 40123);
    private static final InetSocketAddress LISTENER = new InetSocketAddress("127.0.0.1", 5027);
    private static final String IMEI = "356307042441013";

    private final RecordingRegistry registry = new RecordingRegistry();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new TeltonikaUdpSession(new TeltonikaDriverSettings("127.0.0.1", 5027, 512, 600, 5027), registry));

    private UdpPacket receive(byte[] datagram) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(datagram), LISTENER, TRACKER));
        return channel.readInbound();
    }

    @Test
    void documentationDatagramDecoded() {
        UdpPacket packet = receive(AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8));

        assertEquals(TRACKER, packet.sender());
        assertArrayEquals(AvlFrames.hex(AvlFrames.DOC_UDP_ACKNOWLEDGEMENT), packet.acknowledgement());
        assertEquals("352093086403655", packet.records().deviceId());
        assertNull(packet.records().reply(), "the route sends the acknowledgement as a datagram");
        PositionFix fix = packet.records().fixes().get(0);
        assertEquals(Instant.parse("2019-06-13T06:23:26Z"), fix.fixTime());
        assertEquals(0, fix.satellites());
        assertFalse(fix.valid(), "no satellites and 0,0: the tracker repeats its last known position");
        assertEquals("codec 0x08 datagram 51966 (AVL packet 5) of 1 records", packet.records().packet());
    }

    @Test
    void recordPositionAndEvent() {
        byte[] data = AvlFrames.codec8Record(1_764_846_000_000L, 0, 31.5204, 74.3587, 42, 9, 239, 1);

        UdpPacket packet = receive(AvlFrames.datagram(7, 9, IMEI, data));

        PositionFix fix = packet.records().fixes().get(0);
        assertEquals(IMEI, fix.deviceId());
        assertEquals(Instant.ofEpochMilli(1_764_846_000_000L), fix.fixTime());
        assertEquals(31.5204, fix.latitude(), 1e-7);
        assertEquals(74.3587, fix.longitude(), 1e-7);
        assertEquals(42.0, fix.speedKmh());
        assertEquals(9, fix.satellites());
        assertTrue(fix.valid());
        List<DeviceEvent> events = packet.records().events();
        assertEquals(1, events.size());
        assertEquals("tracker.ignition-on", events.get(0).type());
        assertArrayEquals(new byte[] {0x00, 0x05, 0x00, 0x07, 0x01, 0x09, 0x01}, packet.acknowledgement());
        assertTrue(registry.calls.contains("contact " + IMEI), registry.calls::toString);
    }

    @Test
    void badAvlDataCountedAgainstDevice() {
        byte[] data = AvlFrames.codec8Record(1_764_846_000_000L, 0, 31.5204, 74.3587, 42, 9, 239, 1);
        data[data.length - 1] = 2;

        assertNull(receive(AvlFrames.datagram(7, 9, IMEI, data)));
        assertTrue(registry.calls.contains("error " + IMEI + " UNPARSEABLE"), registry.calls::toString);
    }

    @Test
    void badHeaderDroppedWithoutDevice() {
        assertNull(receive(AvlFrames.hex("0005CAFE01")));
        assertTrue(registry.calls.isEmpty(), registry.calls::toString);
    }

    @Test
    void invalidImeiDropped() {
        byte[] data = AvlFrames.codec8Record(1_764_846_000_000L, 0, 31.5204, 74.3587, 42, 9, 239, 1);

        assertNull(receive(AvlFrames.datagram(7, 9, "35630704244X013", data)));
        assertTrue(registry.calls.isEmpty(), registry.calls::toString);
    }

    @Test
    void tooLongDatagramDropped() {
        byte[] data = new byte[600];

        assertNull(receive(AvlFrames.datagram(7, 9, IMEI, data)));
    }

    @Test
    void channelStaysOpenAfterBadDatagrams() {
        receive(AvlFrames.hex("0005CAFE01"));
        receive(new byte[0]);

        assertTrue(channel.isOpen());
        assertEquals("352093086403655", receive(AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8)).records().deviceId());
    }
}
