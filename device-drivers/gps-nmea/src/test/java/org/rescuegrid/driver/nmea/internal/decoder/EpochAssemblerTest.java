package org.rescuegrid.driver.nmea.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.position.PositionFix;

class EpochAssemblerTest {

    private static final double EXACT = 1e-9;
    private static final Clock MARCH_2022 = Clock.fixed(Instant.parse("2022-03-09T12:00:00Z"), ZoneOffset.UTC);

    private static String gga(String time, String latitude) {
        return Sentences.withChecksum("GPGGA," + time + "," + latitude + ",N,11405.7387,W,1,08,0.94,1102.4,M,-17.5,M,,");
    }

    private static String rmc(String time, String date) {
        return Sentences.withChecksum("GPRMC," + time + ",A,5104.0859,N,11405.7387,W,0.09,194.17," + date + ",,,A");
    }

    /** Feeds lines, asserting each decodes without rejection, and returns the fixes emitted. */
    private static List<PositionFix> feed(EpochAssembler assembler, String... lines) {
        List<PositionFix> fixes = new ArrayList<>();
        for (String line : lines) {
            LineOutcome outcome = assembler.accept(line);
            assertFalse(outcome.decodeResult() instanceof DecodeResult.Rejected, () -> line + " -> " + outcome);
            fixes.addAll(outcome.completedFixes());
        }
        return fixes;
    }

    private static PositionFix lastOf(List<PositionFix> fixes) {
        assertFalse(fixes.isEmpty(), "no fix was emitted");
        return fixes.get(fixes.size() - 1);
    }

    @Test
    void replayedGgaFirstDatedFromRmc() {
        // A log recorded on 14 March 2025 in the evening, replayed at noon: its first epoch is GGA-only.
        // Dated from the clock it was 2026-12-04T23:05:41Z, 11 hours ahead of the node.
        EpochAssembler assembler = new EpochAssembler("GPS-LHR-102", Clock.fixed(Instant.parse("2026-12-04T12:04:00Z"), ZoneOffset.UTC));
        List<PositionFix> fixes = feed(assembler,
                gga("230541.000", "3133.4260"),
                rmc("230542.000", "140325"),
                gga("230542.000", "3133.4272"),
                rmc("230543.000", "140325"));

        assertEquals(2, fixes.size(), fixes::toString);
        assertEquals(Instant.parse("2025-03-14T23:05:41Z"), fixes.get(0).fixTime());
        assertEquals(31.557100, fixes.get(0).latitude(), EXACT);
        assertEquals(Instant.parse("2025-03-14T23:05:42Z"), fixes.get(1).fixTime());
        assertEquals(Instant.parse("2025-03-14T23:05:43Z"), lastOf(assembler.flush()).fixTime());
    }

    @Test
    void undatedEpochIsHeld() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);

        List<PositionFix> fixes = feed(assembler,
                gga("150119.000", "5104.0859"),
                gga("150120.000", "5104.0859"),
                gga("150121.000", "5104.0859"));

        assertEquals(List.of(), fixes, "GGA-only epochs wait for a date");
    }

    @Test
    void heldEpochBeforeMidnightKeepsItsDay() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        List<PositionFix> fixes = feed(assembler,
                gga("235959.000", "5104.0859"),
                rmc("000000.000", "150325"),
                gga("000001.000", "5104.0859"));

        assertEquals(Instant.parse("2025-03-14T23:59:59Z"), fixes.get(0).fixTime());
        assertEquals(Instant.parse("2025-03-15T00:00:00Z"), fixes.get(1).fixTime());
    }

    @Test
    void ggaOnlyStreamFallsBackToClock() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T15:30:00Z"), ZoneOffset.UTC);
        EpochAssembler assembler = new EpochAssembler("dev", clock);
        List<PositionFix> fixes = new ArrayList<>();
        for (int second = 0; second <= EpochAssembler.MAX_UNDATED_EPOCHS; second++) {
            fixes.addAll(feed(assembler, gga("%06d.000".formatted(152900 + second), "5104.0859")));
        }

        assertEquals(EpochAssembler.MAX_UNDATED_EPOCHS, fixes.size());
        assertEquals(Instant.parse("2024-05-01T15:29:00Z"), fixes.get(0).fixTime());
        assertEquals(Instant.parse("2024-05-01T15:29:29Z"), lastOf(fixes).fixTime());
        assertEquals(Instant.parse("2024-05-01T15:29:30Z"), feed(assembler, gga("152931.000", "5104.0859")).get(0).fixTime(),
                "after the limit each epoch is dated from the clock when it ends");
    }

    @Test
    void epochMergedFromRmcAndGga() {
        EpochAssembler assembler = new EpochAssembler("VAN-017", MARCH_2022);
        List<PositionFix> fixes = feed(assembler,
                Fixtures.lineWith("quectel-L70", "$GPRMC,150119.000"),
                Fixtures.lineWith("quectel-L70", "$GPGGA,150119.000"),
                Fixtures.lineWith("quectel-L70", "$GPGSA,A,3,04"));
        assertEquals(List.of(), fixes, "the epoch is open until a sentence of another time arrives");

        PositionFix fix = lastOf(assembler.flush());
        assertEquals("VAN-017", fix.deviceId());
        assertEquals(Instant.parse("2022-03-09T15:01:19Z"), fix.fixTime());
        assertEquals(51.068098333, fix.latitude(), 1e-9);
        assertEquals(-114.095645000, fix.longitude(), 1e-9);
        assertEquals(1102.4, fix.altitude(), EXACT);
        assertEquals(0.09 * 1.852, fix.speedKmh(), EXACT);
        assertEquals(194.17, fix.course(), EXACT);
        assertEquals(8, fix.satellites());
        assertEquals(0.94, fix.hdop(), EXACT);
        assertTrue(fix.valid());
    }

    @Test
    void newEpochEmitsPrevious() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        List<PositionFix> fixes = feed(assembler,
                rmc("150119.000", "090322"),
                gga("150120.000", "5104.0860"));
        assertEquals(1, fixes.size());
        assertEquals(Instant.parse("2022-03-09T15:01:19Z"), fixes.get(0).fixTime());

        PositionFix last = lastOf(assembler.flush());
        assertEquals(Instant.parse("2022-03-09T15:01:20Z"), last.fixTime());
        assertEquals(List.of(), assembler.flush(), "flush twice must not repeat the fix");
    }

    @Test
    void vtgJoinsOpenEpoch() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler,
                gga("150119.000", "5104.0859"),
                Sentences.withChecksum("GPVTG,12.5,T,,M,27.0,N,50.0,K,A"));
        PositionFix fix = lastOf(assembler.flush());
        assertEquals(50.0, fix.speedKmh(), EXACT);
        assertEquals(12.5, fix.course(), EXACT);
    }

    @Test
    void vtgWithoutEpochDropped() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        LineOutcome outcome = assembler.accept(Sentences.withChecksum("GPVTG,12.5,T,,M,27.0,N,50.0,K,A"));
        assertInstanceOf(DecodeResult.Decoded.class, outcome.decodeResult());
        assertEquals(List.of(), assembler.flush());
    }

    @Test
    void timeOnlyEpochEndsPrevious() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        List<PositionFix> fixes = feed(assembler,
                rmc("123518.00", "090322"),
                Sentences.withChecksum("GPGGA,123519.00,,,,,0,00,99.99,,,,,,"));
        assertEquals(1, fixes.size());
        assertEquals(Instant.parse("2022-03-09T12:35:18Z"), fixes.get(0).fixTime());
        assertEquals(List.of(), assembler.flush(), "an epoch without position yields no fix");
    }

    @Test
    void noFixBeforeFirstPosition() {
        // Telit HE910 cold start: 224 epochs of sentences with all fields empty, then a fix.
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        List<PositionFix> fixes = feed(assembler,
                "$GPGGA,,,,,,0,,,,M,,M,,*66",
                "$GPGLL,,,,,,V,N*64",
                "$GPGSA,A,1,,,,,,,,,,,,,,,*1E",
                "$GPRMC,,V,,,,,,,,,,N*53",
                "$GPVTG,,T,,M,,N,,K,N*2C");
        assertEquals(List.of(), fixes);
        assertEquals(List.of(), assembler.flush());
    }

    @Test
    void anyInvalidSourceInvalidates() {
        // Haicom HI-305N: RMC status V, GGA quality 0, but VTG mode A.
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler,
                Fixtures.lineWith("haicom-305N", "$GPRMC,095257.809"),
                Fixtures.lineWith("haicom-305N", "$GPVTG,0.00,T,,,0.00,N,0.00,K,A"));
        PositionFix fix = lastOf(assembler.flush());
        assertEquals(-27.210673333, fix.latitude(), 1e-8);
        assertFalse(fix.valid());
    }

    @Test
    void noValidityStatusInvalid() {
        // A GGA with an empty quality field gives no verdict, and no other sentence reports valid.
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler, Sentences.withChecksum("GPGGA,150119.000,5104.0859,N,11405.7387,W,,08,0.94,1102.4,M,,M,,"));
        assertFalse(lastOf(assembler.flush()).valid());
    }

    @Test
    void satellitesAddedAcrossConstellations() {
        // SiRFstarV: GPGGA counts 8 GPS and GLGGA 2 GLONASS satellites; the GSAs list 10 in use.
        // gpsd's SKY report shows uSat 2 here, the count of the last GGA it read.
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler,
                Fixtures.lineWith("sirfstarv-nmea", "$GPGGA,020935.000"),
                Fixtures.lineWith("sirfstarv-nmea", "$GLGGA,020935.000"),
                Fixtures.lineWith("sirfstarv-nmea", "$GNRMC,020935.000"));
        PositionFix fix = lastOf(assembler.flush());
        assertEquals(10, fix.satellites());
        assertEquals(Instant.parse("2019-02-05T02:09:35Z"), fix.fixTime());
        assertEquals(1123.9, fix.altitude(), EXACT);
    }

    @Test
    void combinedTalkerCountWins() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler,
                Sentences.withChecksum("GPGGA,150119.000,5104.0859,N,11405.7387,W,1,08,0.94,1102.4,M,,M,,"),
                Sentences.withChecksum("GNGGA,150119.000,5104.0859,N,11405.7387,W,1,17,0.94,1102.4,M,,M,,"),
                Sentences.withChecksum("GLGGA,150119.000,5104.0859,N,11405.7387,W,1,09,0.94,1102.4,M,,M,,"));
        assertEquals(17, lastOf(assembler.flush()).satellites());
    }

    @Test
    void firstValueOfEpochWins() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler,
                gga("150119.000", "5104.0859"),
                Sentences.withChecksum("GPGLL,5104.0999,N,11405.7387,W,150119.000,A,A"));
        assertEquals(51.068098333, lastOf(assembler.flush()).latitude(), 1e-9);
    }

    @Test
    void ggaDatedFromLastRmc() {
        // The clock is a year off on purpose: the RMC date must win.
        EpochAssembler assembler = new EpochAssembler("dev", Clock.fixed(Instant.parse("2023-07-01T00:00:00Z"), ZoneOffset.UTC));
        List<PositionFix> fixes = feed(assembler,
                rmc("150119.000", "090322"),
                gga("150120.000", "5104.0859"),
                gga("150121.000", "5104.0859"));
        assertEquals(Instant.parse("2022-03-09T15:01:20Z"), fixes.get(1).fixTime());
    }

    @Test
    void ggaAfterMidnightNextDay() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        List<PositionFix> fixes = feed(assembler,
                rmc("235959.000", "090322"),
                gga("000000.000", "5104.0859"),
                gga("000001.000", "5104.0859"));
        assertEquals(Instant.parse("2022-03-09T23:59:59Z"), fixes.get(0).fixTime());
        assertEquals(Instant.parse("2022-03-10T00:00:00Z"), fixes.get(1).fixTime());
    }

    @Test
    void ggaOnlyDatedFromClock() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T15:30:00Z"), ZoneOffset.UTC);
        EpochAssembler assembler = new EpochAssembler("dev", clock);
        feed(assembler, gga("152959.000", "5104.0859"));
        assertEquals(Instant.parse("2024-05-01T15:29:59Z"), lastOf(assembler.flush()).fixTime());
    }

    @Test
    void clockJustAfterMidnight() {
        // A fix stamped 23:59:58 that arrives at 00:00:05 belongs to the day before.
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T00:00:05Z"), ZoneOffset.UTC);
        EpochAssembler assembler = new EpochAssembler("dev", clock);
        feed(assembler, gga("235958.000", "5104.0859"));
        assertEquals(Instant.parse("2024-04-30T23:59:58Z"), lastOf(assembler.flush()).fixTime());
    }

    @Test
    void deviceIdChangedMidEpoch() {
        EpochAssembler assembler = new EpochAssembler("tcp:127.0.0.1:40312", MARCH_2022);
        feed(assembler, gga("150119.000", "5104.0859"));
        assembler.setDeviceId("VAN-017");
        assertEquals("VAN-017", lastOf(assembler.flush()).deviceId());
    }

    @Test
    void rejectedLineLeavesEpoch() {
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler, gga("150119.000", "5104.0859"));

        LineOutcome outcome = assembler.accept(gga("150120.000", "5104.0859").replace("*", "*0"));
        assertEquals(DeviceErrorKind.BAD_CHECKSUM,
                assertInstanceOf(DecodeResult.Rejected.class, outcome.decodeResult()).kind());
        assertEquals(List.of(), outcome.completedFixes());

        PositionFix fix = lastOf(assembler.flush());
        assertEquals(Instant.parse("2022-03-09T15:01:19Z"), fix.fixTime());
    }

    @Test
    void missingValuesStayNull() {
        // TripNav TN-204 sends RMC and GGA in different seconds, so the RMC epoch has no GGA data.
        EpochAssembler assembler = new EpochAssembler("dev", MARCH_2022);
        feed(assembler, Fixtures.lineWith("tn204", "$GPRMC,230148"));
        PositionFix fix = lastOf(assembler.flush());
        assertEquals(Instant.parse("2002-10-26T23:01:48Z"), fix.fixTime());
        assertNull(fix.altitude());
        assertNull(fix.satellites());
        assertNull(fix.hdop());
        assertEquals(0.0, fix.speedKmh(), EXACT);
    }
}
