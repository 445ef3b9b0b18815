package org.rescuegrid.driver.gt06.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceErrorKind;

class Gt06FrameDecoderTest {

    private static final int MAX = 1024;

    private final Gt06FrameDecoder decoder = new Gt06FrameDecoder(MAX);
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    @Test
    void framesArrivingByteByByte() {
        byte[] stream = concat(Frames.hex(Frames.DOC_LOGIN), Frames.hex(Frames.DOC_LOCATION));
        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertEquals(0x01, assertInstanceOf(Gt06Packet.class, channel.readInbound()).protocol());
        Gt06Packet location = assertInstanceOf(Gt06Packet.class, channel.readInbound());
        assertEquals(0x12, location.protocol());
        assertEquals(3, location.serial());
        assertEquals(26, location.content().length);
        assertNull(channel.readInbound());
        assertEquals(0, decoder.bufferedBytes());
    }

    @Test
    void twoFramesInOneRead() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(Frames.hex(Frames.STATUS), Frames.hex(Frames.DOC_ALARM))));

        assertEquals(0x13, assertInstanceOf(Gt06Packet.class, channel.readInbound()).protocol());
        assertEquals(0x16, assertInstanceOf(Gt06Packet.class, channel.readInbound()).protocol());
    }

    @Test
    void garbageBeforeFrameIsSkipped() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(Frames.hex("0102037800"), Frames.hex(Frames.DOC_LOGIN))));

        FrameRejected rejected = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals(DeviceErrorKind.UNPARSEABLE, rejected.kind());
        assertEquals("5 bytes outside a frame were skipped", rejected.reason());
        assertEquals(0x01, assertInstanceOf(Gt06Packet.class, channel.readInbound()).protocol());
    }

    @Test
    void badCrcIsReportedAndNextFrameDecoded() {
        byte[] corrupt = Frames.hex(Frames.DOC_LOCATION);
        corrupt[12] ^= 0x40;
        channel.writeInbound(Unpooled.wrappedBuffer(concat(corrupt, Frames.hex(Frames.STATUS))));

        FrameRejected rejected = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals(DeviceErrorKind.BAD_CHECKSUM, rejected.kind());
        assertEquals(0x13, assertInstanceOf(Gt06Packet.class, channel.readInbound()).protocol());
        assertNull(channel.readInbound());
    }

    @Test
    void missingStopBytesResynchronise() {
        byte[] broken = Frames.hex(Frames.DOC_LOGIN);
        broken[broken.length - 1] = 0x00;
        channel.writeInbound(Unpooled.wrappedBuffer(concat(broken, Frames.hex(Frames.STATUS))));

        FrameRejected rejected = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals("frame of 18 bytes does not end with 0D 0A", rejected.reason());
        FrameRejected skipped = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals("16 bytes outside a frame were skipped", skipped.reason());
        assertEquals(0x13, assertInstanceOf(Gt06Packet.class, channel.readInbound()).protocol());
    }

    @Test
    void oversizedLengthRejectedWithoutBuffering() {
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.hex("7979FFFF94")));

        FrameRejected rejected = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals(DeviceErrorKind.FRAME_TOO_LONG, rejected.kind());
        assertEquals("frame of 65541 bytes exceeds maxFrameLength=1024", rejected.reason());
        assertTrue(decoder.bufferedBytes() <= 1, "buffered " + decoder.bufferedBytes());
    }

    @Test
    void lengthBelowMinimumRejected() {
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.hex("7878030100010D0A")));

        FrameRejected rejected = assertInstanceOf(FrameRejected.class, channel.readInbound());
        assertEquals("length field 3 is below the minimum of 5", rejected.reason());
    }

    @Test
    void longFrameDecoded() {
        // A 79 79 frame with a two-byte length, carrying a status packet.
        byte[] shortFrame = Frames.hex(Frames.STATUS);
        byte[] frame = new byte[shortFrame.length + 1];
        frame[0] = 0x79;
        frame[1] = 0x79;
        frame[2] = 0x00;
        System.arraycopy(shortFrame, 2, frame, 3, shortFrame.length - 2);
        Frames.fixCrc(frame);
        channel.writeInbound(Unpooled.wrappedBuffer(frame));

        Gt06Packet packet = assertInstanceOf(Gt06Packet.class, channel.readInbound());
        assertEquals(0x13, packet.protocol());
        assertEquals(5, packet.serial());
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
