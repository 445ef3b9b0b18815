package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlDecoder;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlPacket;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlRecord;
import org.rescuegrid.driver.teltonika.internal.decoder.ImeiFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaFrameDecoder;

/** Encodes epochs as Teltonika packets and decodes them with the Teltonika driver's own frame decoder and AVL decoder. */
class TeltonikaEncoderTest {

    private static final List<byte[]> EPOCH = List.of(
            line("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,12.50,194.17,090322,,,D"),
            line("GPGGA,150119.000,5104.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,"));

    @Test
    void handshakeIsLengthThenDigits() {
        byte[] handshake = new TeltonikaEncoder(TeltonikaEncoder.CODEC_8).handshake("352093081452251");

        assertEquals("000f333532303933303831343532323531", HexFormat.of().formatHex(handshake));
    }

    @Test
    void codec8DecodesWithDriver() throws Exception {
        TeltonikaEncoder encoder = new TeltonikaEncoder(TeltonikaEncoder.CODEC_8);
        AvlPacket packet = frameAndDecode(encoder.handshake("352093081452251"), encoder.location(EPOCH));

        assertEquals(AvlDecoder.CODEC_8, packet.codec());
        assertExpectedRecord(packet);
    }

    @Test
    void codec8ExtendedDecodesWithDriver() throws Exception {
        TeltonikaEncoder encoder = new TeltonikaEncoder(TeltonikaEncoder.CODEC_8_EXTENDED);
        AvlPacket packet = frameAndDecode(encoder.handshake("352093081452251"), encoder.location(EPOCH));

        assertEquals(AvlDecoder.CODEC_8_EXTENDED, packet.codec());
        assertExpectedRecord(packet);
    }

    @Test
    void codec8PacketLayout() {
        byte[] packet = new TeltonikaEncoder(TeltonikaEncoder.CODEC_8).location(EPOCH);

        assertEquals("00000000", HexFormat.of().formatHex(packet, 0, 4), "preamble");
        // Codec and count (2), record (8+1+4+4+2+2+1+2, then event id, total, four counts, 2+2 one-byte and 2+2+2+2 two-byte IO), count (1).
        int dataLength = 2 + 24 + 2 + 4 + 4 + 6 + 1;
        assertEquals(dataLength, ((packet[4] & 0xFF) << 24) | ((packet[5] & 0xFF) << 16) | ((packet[6] & 0xFF) << 8) | (packet[7] & 0xFF));
        assertEquals(8 + dataLength + 4, packet.length);
        assertEquals("0801", HexFormat.of().formatHex(packet, 8, 10), "codec 8 and one record");
        assertEquals(1, packet[packet.length - 5], "record count after the records");
    }

    @Test
    void epochWithoutValidRmcSendsNothing() {
        byte[] packet = new TeltonikaEncoder(TeltonikaEncoder.CODEC_8).location(List.of(line("GPRMC,150119.000,V,,,,,,,090322,,,N")));

        assertEquals(0, packet.length);
    }

    @Test
    void unknownCodecRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TeltonikaEncoder(0x10));

        assertEquals("codec 0x10 is not supported; use 0x08 or 0x8E", e.getMessage());
    }

    private static void assertExpectedRecord(AvlPacket packet) {
        assertEquals(1, packet.records().size());
        AvlRecord record = packet.records().get(0);
        assertEquals(Instant.parse("2022-03-09T15:01:19Z"), record.time());
        assertEquals(0, record.priority());
        assertEquals(51 + 4.0859 / 60, record.latitude(), 1e-7);
        assertEquals(-(114 + 5.7387 / 60), record.longitude(), 1e-7);
        assertEquals(1102, record.altitude());
        assertEquals(194, record.angle());
        assertEquals(8, record.satellites());
        assertEquals(23, record.speedKmh(), "12.5 knots");
        assertEquals(0, record.eventIoId());
        assertEquals(1L, record.io().get(239), "ignition");
        assertEquals(1L, record.io().get(240), "movement");
        assertEquals(9L, record.io().get(182), "HDOP 0.94 in tenths");
        assertEquals(13_800L, record.io().get(66), "external voltage in mV");
    }

    /** Runs the bytes through the driver's frame decoder, as its listener would, and decodes the one AVL packet that follows the IMEI. */
    private static AvlPacket frameAndDecode(byte[] handshake, byte[] packet) throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(new TeltonikaFrameDecoder(1280));
        channel.writeInbound(Unpooled.wrappedBuffer(handshake, packet));

        ImeiFrame imei = assertInstanceOf(ImeiFrame.class, channel.readInbound());
        assertEquals("352093081452251", imei.imei());
        AvlFrame frame = assertInstanceOf(AvlFrame.class, channel.readInbound(), "CRC accepted");
        assertNull(channel.readInbound());
        channel.finishAndReleaseAll();
        return new AvlDecoder().decode(frame);
    }

    private static byte[] line(String body) {
        return ("$" + body + "*" + String.format("%02X", Sentence.checksum(body))).getBytes(StandardCharsets.ISO_8859_1);
    }
}
