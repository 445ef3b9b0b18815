package org.rescuegrid.driver.teltonika.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceErrorKind;

class AvlDecoderTest {

    private final AvlDecoder decoder = new AvlDecoder();

    @Test
    void codec8FirstDocumentExample() throws Exception {
        AvlPacket packet = decode(AvlFrames.DOC_CODEC8_FIRST);
        AvlRecord record = packet.records().get(0);

        assertEquals(AvlDecoder.CODEC_8, packet.codec());
        assertEquals(1, packet.records().size());
        assertEquals(Instant.parse("2019-06-10T10:04:46Z"), record.time());
        assertEquals(1, record.priority());
        assertEquals(0.0, record.longitude());
        assertEquals(0.0, record.latitude());
        assertEquals(0, record.altitude());
        assertEquals(0, record.angle());
        assertEquals(0, record.satellites());
        assertEquals(0, record.speedKmh());
        assertEquals(1, record.eventIoId());
        assertEquals(Map.of(0x15, 3L, 0x01, 1L, 0x42, 24079L, 0xF1, 24602L, 0x4E, 0L), record.io());
    }

    @Test
    void codec8SecondDocumentExample() throws Exception {
        AvlRecord record = decode(AvlFrames.DOC_CODEC8_SECOND).records().get(0);

        assertEquals(Instant.parse("2019-06-10T10:05:36Z"), record.time());
        assertEquals(1, record.eventIoId());
        assertEquals(Map.of(0x15, 3L, 0x01, 1L, 0x42, 24080L), record.io());
    }

    @Test
    void codec8TwoRecordsInOrder() throws Exception {
        AvlPacket packet = decode(AvlFrames.DOC_CODEC8_TWO_RECORDS);

        assertEquals(2, packet.records().size());
        assertEquals(Instant.parse("2019-06-10T10:01:01Z"), packet.records().get(0).time());
        assertEquals(Map.of(0x01, 0L), packet.records().get(0).io());
        assertEquals(Instant.parse("2019-06-10T10:01:19Z"), packet.records().get(1).time());
        assertEquals(Map.of(0x01, 1L), packet.records().get(1).io());
    }

    @Test
    void codec8ExtendedDocumentExample() throws Exception {
        AvlPacket packet = decode(AvlFrames.DOC_CODEC8E);
        AvlRecord record = packet.records().get(0);

        assertEquals(AvlDecoder.CODEC_8_EXTENDED, packet.codec());
        assertEquals(Instant.parse("2019-06-10T11:36:32Z"), record.time());
        assertEquals(1, record.priority());
        assertEquals(1, record.eventIoId());
        assertEquals(Map.of(0x0001, 1L, 0x0011, 29L, 0x0010, 22949000L, 0x000B, 893700218L, 0x000E, 500686954L), record.io());
    }

    @Test
    void recordWithCoordinates() throws Exception {
        byte[] data = AvlFrames.codec8Record(1764842400000L, 0, 31.5204, 74.3587, 48, 11, 239, 1);

        AvlRecord record = decoder.decode(new AvlFrame(data)).records().get(0);

        assertEquals(Instant.parse("2025-12-04T10:00:00Z"), record.time());
        assertEquals(31.5204, record.latitude(), 1e-7);
        assertEquals(74.3587, record.longitude(), 1e-7);
        assertEquals(217, record.altitude());
        assertEquals(182, record.angle());
        assertEquals(11, record.satellites());
        assertEquals(48, record.speedKmh());
        assertEquals(239, record.eventIoId());
        assertEquals(Map.of(239, 1L, 182, 9L), record.io());
    }

    @Test
    void southernWesternCoordinatesAreNegative() throws Exception {
        byte[] data = AvlFrames.codec8Record(1764842400000L, 0, -34.6037, -58.3816, 0, 7, 0, 0);

        AvlRecord record = decoder.decode(new AvlFrame(data)).records().get(0);

        assertEquals(-34.6037, record.latitude(), 1e-7);
        assertEquals(-58.3816, record.longitude(), 1e-7);
    }

    @Test
    void rejectsUnsupportedCodec() {
        byte[] data = AvlFrames.codec8Record(0, 0, 0, 0, 0, 0, 0, 0);
        data[0] = 0x10;

        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class, () -> decoder.decode(new AvlFrame(data)));
        assertEquals(DeviceErrorKind.UNPARSEABLE, e.kind());
        assertEquals("codec 0x10 is not supported; Codec 8 (0x08) and Codec 8 Extended (0x8E) are", e.getMessage());
    }

    @Test
    void rejectsDifferentRecordCounts() {
        byte[] data = AvlFrames.codec8Record(0, 0, 0, 0, 0, 0, 0, 0);
        data[data.length - 1] = 2;

        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class, () -> decoder.decode(new AvlFrame(data)));
        assertEquals("record counts differ: 1 before the records, 2 after them", e.getMessage());
    }

    @Test
    void rejectsTruncatedRecord() {
        byte[] data = Arrays.copyOf(AvlFrames.codec8Record(0, 0, 0, 0, 0, 0, 0, 0), 20);

        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class, () -> decoder.decode(new AvlFrame(data)));
        assertEquals("record 1: packet ends at byte 20 inside the altitude", e.getMessage());
    }

    @Test
    void rejectsLatitudeOutOfRange() {
        byte[] data = AvlFrames.codec8Record(0, 0, 95.0, 10.0, 0, 5, 0, 0);

        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class, () -> decoder.decode(new AvlFrame(data)));
        assertEquals("record 1: coordinates 95.0, 10.0 are outside -90..90 and -180..180", e.getMessage());
    }

    @Test
    void rejectsIoCountMismatch() {
        byte[] data = AvlFrames.codec8Record(0, 0, 0, 0, 0, 0, 0, 0);
        data[27] = 3;

        TeltonikaDecodeException e = assertThrows(TeltonikaDecodeException.class, () -> decoder.decode(new AvlFrame(data)));
        assertEquals("record 1: IO count 3 does not match the 2 IO elements that follow", e.getMessage());
    }

    @Test
    void frameDecoderSplitsHandshakeAndPackets() {
        TeltonikaFrameDecoder framer = new TeltonikaFrameDecoder(2048);
        EmbeddedChannel channel = new EmbeddedChannel(framer);
        byte[] stream = concat(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE), AvlFrames.hex(AvlFrames.DOC_CODEC8_FIRST),
                AvlFrames.hex(AvlFrames.DOC_CODEC8E));
        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertEquals("356307042441013", assertInstanceOf(ImeiFrame.class, channel.readInbound()).imei());
        assertEquals(0x36, assertInstanceOf(AvlFrame.class, channel.readInbound()).data().length);
        assertEquals(0x4A, assertInstanceOf(AvlFrame.class, channel.readInbound()).data().length);
        assertEquals(0, framer.bufferedBytes());
    }

    @Test
    void frameDecoderCountsJunkAfterHandshake() {
        TeltonikaFrameDecoder framer = new TeltonikaFrameDecoder(2048);
        EmbeddedChannel channel = new EmbeddedChannel(framer);
        channel.writeInbound(Unpooled.wrappedBuffer(concat(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE), AvlFrames.hex("0000FF01"))));

        ImeiFrame imei = assertInstanceOf(ImeiFrame.class, channel.readInbound());
        assertEquals("356307042441013", imei.imei());
        assertEquals(4, imei.junkBytes());
        assertNull(channel.readInbound());
        assertEquals(0, framer.bufferedBytes());
    }

    @Test
    void frameDecoderRejectsBadCrcAndResynchronises() {
        EmbeddedChannel channel = new EmbeddedChannel(new TeltonikaFrameDecoder(2048));
        byte[] corrupt = AvlFrames.hex(AvlFrames.DOC_CODEC8_SECOND);
        corrupt[20] ^= 0x01;
        channel.writeInbound(Unpooled.wrappedBuffer(concat(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE), corrupt, AvlFrames.hex("FFEE"),
                AvlFrames.hex(AvlFrames.DOC_CODEC8_FIRST))));

        assertInstanceOf(ImeiFrame.class, channel.readInbound());
        FrameRejected crc = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals(DeviceErrorKind.BAD_CHECKSUM, crc.kind());
        assertEquals("CRC 0x0000F22A does not match the computed 0x7229", crc.reason());
        FrameRejected garbage = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals("2 bytes outside an AVL packet were skipped", garbage.reason());
        assertInstanceOf(AvlFrame.class, channel.readInbound());
    }

    @Test
    void frameDecoderRejectsOversizedPacketWithoutBuffering() {
        TeltonikaFrameDecoder framer = new TeltonikaFrameDecoder(2048);
        EmbeddedChannel channel = new EmbeddedChannel(framer);
        channel.writeInbound(Unpooled.wrappedBuffer(concat(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE), AvlFrames.hex("000000007FFFFFFF08"))));

        assertInstanceOf(ImeiFrame.class, channel.readInbound());
        FrameRejected rejected = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals(DeviceErrorKind.FRAME_TOO_LONG, rejected.kind());
        assertEquals("AVL packet of 2147483659 bytes exceeds maxFrameLength=2048", rejected.reason());
        assertEquals(true, framer.bufferedBytes() <= 3, "buffered " + framer.bufferedBytes());
    }

    @Test
    void frameDecoderRejectsLongHandshake() {
        EmbeddedChannel channel = new EmbeddedChannel(new TeltonikaFrameDecoder(2048));
        channel.writeInbound(Unpooled.wrappedBuffer(AvlFrames.hex("0100414243")));

        FrameRejected rejected = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals("handshake length 256 is not 1-32; 5 bytes dropped", rejected.reason());
    }

    private AvlPacket decode(String hex) throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(new TeltonikaFrameDecoder(2048));
        channel.writeInbound(Unpooled.wrappedBuffer(concat(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE), AvlFrames.hex(hex))));
        channel.readInbound();
        return decoder.decode(assertInstanceOf(AvlFrame.class, channel.readInbound()));
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
