package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class DateShiftTest {

    @Test
    void rmcDateMovedWithChecksum() {
        String moved = shift("$GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D*73", 1);

        assertEquals("$GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,100322,,,D*"
                + String.format("%02X", Sentence.checksum("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,100322,,,D")), moved);
        assertTrue(Sentence.findAll(moved).get(0).trusted());
    }

    @Test
    void rmcDateCrossesYearEnd() {
        String moved = shift("$GPRMC,235959.00,A,5104.0859,N,11405.7387,W,0.09,194.17,311299,,,D*"
                + String.format("%02X", Sentence.checksum("GPRMC,235959.00,A,5104.0859,N,11405.7387,W,0.09,194.17,311299,,,D")), 2);

        assertTrue(moved.contains(",020100,"), moved);
    }

    @Test
    void zdaDateMoved() {
        String body = "GPZDA,150119.00,28,02,2024,00,00";
        String moved = shift("$" + body + "*" + String.format("%02X", Sentence.checksum(body)), 1);

        assertTrue(moved.startsWith("$GPZDA,150119.00,29,02,2024,00,00*"), moved);
        assertTrue(Sentence.findAll(moved).get(0).trusted());
    }

    @Test
    void otherLinesUnchanged() {
        byte[] gga = "$GPGGA,150119.000,5104.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,*5C".getBytes(StandardCharsets.ISO_8859_1);
        byte[] badChecksum = "$GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D*00".getBytes(StandardCharsets.ISO_8859_1);

        assertSame(gga, DateShift.apply(gga, 3));
        assertSame(badChecksum, DateShift.apply(badChecksum, 3));
    }

    @Test
    void shortLogCoversOneDay() {
        assertEquals(1, DateShift.daysCovered(ReplayScript.splitLines(Fixtures.read("quectel-L70.log"))));
    }

    @Test
    void logAcrossMidnightCoversTwoDays() {
        List<byte[]> lines = List.of(line("GPRMC,235959.00,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D"),
                line("GPRMC,000001.00,A,5104.0859,N,11405.7387,W,0.09,194.17,100322,,,D"));

        assertEquals(2, DateShift.daysCovered(lines));
    }

    private static byte[] line(String body) {
        return ("$" + body + "*" + String.format("%02X", Sentence.checksum(body))).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String shift(String line, int days) {
        return new String(DateShift.apply(line.getBytes(StandardCharsets.ISO_8859_1), days), StandardCharsets.ISO_8859_1);
    }
}
