package org.rescuegrid.driver.nmea.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NmeaFrameDecoderTest {

    private static final String RMC = QuectelL70.line("$GPRMC,150119.000");
    private static final String GGA = QuectelL70.line("$GPGGA,150119.000");

    private EmbeddedChannel channel;

    private void open(int maxLength) {
        channel = new EmbeddedChannel(new NmeaFrameDecoder(maxLength));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void write(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private List<Object> frames() {
        List<Object> frames = new ArrayList<>();
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(frame);
        }
        return frames;
    }

    private static NmeaFrame.Line line(String text) {
        return new NmeaFrame.Line(text);
    }

    @Test
    void crLfAndLfLines() {
        open(512);

        write(RMC + "\r\n" + GGA + "\n" + "\r\n");

        assertEquals(List.of(line(RMC), line(GGA), line("")), frames());
    }

    @Test
    void lineSplitAcrossWrites() {
        open(512);

        write(RMC.substring(0, 10));
        write(RMC.substring(10, 40));
        assertEquals(List.of(), frames());
        write(RMC.substring(40) + "\r");
        assertEquals(List.of(), frames());
        write("\n" + GGA.substring(0, 5));

        assertEquals(List.of(line(RMC)), frames());
    }

    @Test
    void wholeRecordingInSmallWrites() {
        open(512);
        String stream = QuectelL70.stream();
        List<Object> expected = new ArrayList<>();
        for (String text : stream.split("\r?\n")) {
            expected.add(line(text));
        }

        for (int start = 0; start < stream.length(); start += 7) {
            write(stream.substring(start, Math.min(stream.length(), start + 7)));
        }

        assertEquals(expected, frames());
    }

    @Test
    void binaryBytesKeptOneToOne() {
        open(512);

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xB5, 0x62, 0x01, (byte) 0xFF, '\r', '\n'}));

        assertEquals(List.of(line("\u00B5b\u0001\u00FF")), frames());
    }

    @Test
    void lineOfMaxLengthAccepted() {
        open(82);
        String longest = "$" + "A".repeat(81);

        write(longest + "\n");

        assertEquals(List.of(line(longest)), frames());
    }

    @Test
    void tooLongLineReported() {
        open(82);

        write("X".repeat(83) + "\n" + RMC + "\r\n");

        assertEquals(List.of(new NmeaFrame.TooLong(83, 82), line(RMC)), frames());
    }

    @Test
    void tooLongLineInMiddle() {
        open(82);

        write(GGA + "\r\n" + "X".repeat(300) + "\n" + RMC + "\r\n");

        assertEquals(List.of(line(GGA), new NmeaFrame.TooLong(300, 82), line(RMC)), frames());
    }

    @Test
    void tooLongLineSplitAcrossWrites() {
        open(82);

        write("X".repeat(60));
        write("X".repeat(60));
        assertEquals(List.of(), frames(), "nothing is reported before the line ends");
        write("X".repeat(60));
        write("X".repeat(20) + "\n" + RMC.substring(0, 20));
        write(RMC.substring(20) + "\r\n");

        assertEquals(List.of(new NmeaFrame.TooLong(200, 82), line(RMC)), frames());
    }

    @Test
    void tooLongLineEndingInLaterWrite() {
        open(82);

        write("X".repeat(83));
        write("\n" + GGA + "\r\n");

        assertEquals(List.of(new NmeaFrame.TooLong(83, 82), line(GGA)), frames());
    }

    @Test
    void twoTooLongLinesInARow() {
        open(82);

        write("X".repeat(100));
        write("\n" + "Y".repeat(150) + "\n" + RMC + "\r\n");

        assertEquals(List.of(new NmeaFrame.TooLong(100, 82), new NmeaFrame.TooLong(150, 82), line(RMC)), frames());
    }
}
