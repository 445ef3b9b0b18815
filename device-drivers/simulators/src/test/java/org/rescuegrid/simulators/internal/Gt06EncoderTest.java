package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class Gt06EncoderTest {

    @Test
    void loginMatchesProtocolDocumentExample() {
        // The login example of the Concox GT06 protocol document: terminal id 0123456789012345, serial 1.
        byte[] login = new Gt06Encoder().login("123456789012345");

        assertEquals("78780d01012345678901234500018cdd0d0a", HexFormat.of().formatHex(login));
    }

    @Test
    void locationFromRmcAndGga() {
        Gt06Encoder encoder = new Gt06Encoder();
        encoder.login("123456789012345");

        byte[] frame = encoder.location(List.of(
                line("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D"),
                line("GPGGA,150119.000,5104.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,")));

        assertEquals(36, frame.length);
        assertEquals("78781f12", HexFormat.of().formatHex(frame, 0, 4));
        // 2022-03-09 15:01:19 UTC, 12 bytes of GPS information and 8 satellites.
        assertEquals("1603090f0113c8", HexFormat.of().formatHex(frame, 4, 11));
        assertEquals(Math.round((51 + 4.0859 / 60) * 1_800_000), unsignedInt(frame, 11));
        assertEquals(Math.round((114 + 5.7387 / 60) * 1_800_000), unsignedInt(frame, 15));
        assertEquals(0, frame[19]);
        // Positioned, west, north, course 194.
        assertEquals(0x1000 | 0x0800 | 0x0400 | 194, ((frame[20] & 0xFF) << 8) | (frame[21] & 0xFF));
        assertEquals(2, ((frame[30] & 0xFF) << 8) | (frame[31] & 0xFF), "serial follows the login's");
        assertEquals(crcItu(frame, 2, frame.length - 6), ((frame[32] & 0xFF) << 8) | (frame[33] & 0xFF));
    }

    @Test
    void epochWithoutValidRmcSendsNothing() {
        byte[] frame = new Gt06Encoder().location(List.of(line("GPRMC,150119.000,V,,,,,,,090322,,,N")));

        assertEquals(0, frame.length);
    }

    private static long unsignedInt(byte[] data, int offset) {
        return ((long) (data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16) | ((data[offset + 2] & 0xFF) << 8)
                | (data[offset + 3] & 0xFF);
    }

    private static int crcItu(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }

    private static byte[] line(String body) {
        return ("$" + body + "*" + String.format("%02X", Sentence.checksum(body))).getBytes(StandardCharsets.ISO_8859_1);
    }
}
