package org.rescuegrid.driver.teltonika.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceErrorKind;

class UdpAvlDatagramTest {

    private static final int MAX = 8192;

    @Test
    void documentationDatagramHeader() throws Exception {
        UdpAvlDatagram datagram = UdpAvlDatagram.parse(AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8), MAX);

        assertEquals(0xCAFE, datagram.packetId());
        assertEquals(0x05, datagram.avlPacketId());
        assertEquals("352093086403655", datagram.imei());
        assertEquals(40, datagram.data().data().length);
    }

    @Test
    void documentationDatagramRecord() throws Exception {
        AvlPacket packet = new AvlDecoder().decode(UdpAvlDatagram.parse(AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8), MAX).data());

        assertEquals(AvlDecoder.CODEC_8, packet.codec());
        assertEquals(1, packet.records().size());
        AvlRecord record = packet.records().get(0);
        assertEquals(Instant.parse("2019-06-13T06:23:26Z"), record.time());
        assertEquals(1, record.priority());
        assertEquals(0.0, record.longitude());
        assertEquals(0.0, record.latitude());
        assertEquals(0, record.altitude());
        assertEquals(0, record.angle());
        assertEquals(0, record.satellites());
        assertEquals(0, record.speedKmh());
        assertEquals(1, record.eventIoId());
        assertEquals(Map.of(21, 3L, 1, 1L, 66, 23996L), record.io());
    }

    @Test
    void acknowledgementMatchesDocumentation() throws Exception {
        UdpAvlDatagram datagram = UdpAvlDatagram.parse(AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8), MAX);

        assertArrayEquals(AvlFrames.hex(AvlFrames.DOC_UDP_ACKNOWLEDGEMENT), datagram.acknowledgement(1));
    }

    @Test
    void builtDatagramRoundTrips() throws Exception {
        byte[] data = AvlFrames.codec8Record(1_764_846_000_000L, 0, 31.5204, 74.3587, 42, 9, 239, 1);
        UdpAvlDatagram datagram = UdpAvlDatagram.parse(AvlFrames.datagram(0x0102, 0xFE, "356307042441013", data), MAX);

        assertEquals(0x0102, datagram.packetId());
        assertEquals(0xFE, datagram.avlPacketId());
        assertArrayEquals(data, datagram.data().data());
        assertArrayEquals(new byte[] {0x00, 0x05, 0x01, 0x02, 0x01, (byte) 0xFE, 0x01}, datagram.acknowledgement(1));
    }

    @Test
    void tooLongRejected() {
        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class,
                () -> UdpAvlDatagram.parse(AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8), 62));

        assertEquals(DeviceErrorKind.FRAME_TOO_LONG, e.kind());
        assertEquals("datagram of 63 bytes exceeds maxFrameLength=62", e.getMessage());
    }

    @Test
    void shorterThanHeaderRejected() {
        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class,
                () -> UdpAvlDatagram.parse(AvlFrames.hex("0005CAFE01"), MAX));

        assertEquals(DeviceErrorKind.UNPARSEABLE, e.kind());
        assertEquals("datagram of 5 bytes is shorter than the 8-byte UDP header", e.getMessage());
    }

    @Test
    void truncatedDatagramRejected() {
        byte[] full = AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8);
        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class,
                () -> UdpAvlDatagram.parse(Arrays.copyOf(full, full.length - 1), MAX));

        assertEquals("length field 61 does not match the 60 bytes that follow it", e.getMessage());
    }

    @Test
    void imeiLengthBeyondDataRejected() {
        byte[] datagram = AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8);
        datagram[7] = 60;
        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class, () -> UdpAvlDatagram.parse(datagram, MAX));

        assertEquals("IMEI length 60 is not 1-32 or leaves no AVL data in 63 bytes", e.getMessage());
    }

    @Test
    void zeroImeiLengthRejected() {
        byte[] datagram = AvlFrames.hex(AvlFrames.DOC_UDP_CODEC8);
        datagram[7] = 0;

        assertThrows(TeltonikaDecodeException.class, () -> UdpAvlDatagram.parse(datagram, MAX));
    }
}
