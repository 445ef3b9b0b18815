package org.rescuegrid.driver.nmea.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.position.PositionFix;

/** Whole recordings streamed through an {@link EpochAssembler}, compared with gpsd's output. */
class FixtureStreamTest {

    private record Streamed(List<PositionFix> fixes, Map<DeviceErrorKind, Integer> rejections) {
    }

    private static Streamed stream(String logName, Clock clock) {
        EpochAssembler assembler = new EpochAssembler("dev", clock);
        List<PositionFix> fixes = new ArrayList<>();
        Map<DeviceErrorKind, Integer> rejections = new EnumMap<>(DeviceErrorKind.class);
        for (String line : Fixtures.receivedLines(logName)) {
            LineOutcome outcome = assembler.accept(line);
            fixes.addAll(outcome.completedFixes());
            if (outcome.decodeResult() instanceof DecodeResult.Rejected rejected) {
                rejections.merge(rejected.kind(), 1, Integer::sum);
            }
        }
        fixes.addAll(assembler.flush());
        return new Streamed(fixes, rejections);
    }

    private static Clock noonOf(LocalDate date) {
        return Clock.fixed(date.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /**
     * Expected fix counts: the L76K header states 130 epochs. The other logs send one RMC per
     * epoch: 59 GNRMC for SiRFstarV, 16 GPRMC for the L70, 50 GNRMC and 72 GPRMC for the RTK log.
     */
    @ParameterizedTest
    @CsvSource({"quectel-l76k-dual, 130", "sirfstarv-nmea, 59", "quectel-L70, 16", "nmea-rtk, 122"})
    void streamPlausible(String logName, int expectedFixes) {
        LocalDate recorded = Fixtures.headerDate(logName);
        Streamed streamed = stream(logName, noonOf(recorded));

        assertEquals(Map.of(), streamed.rejections(), "a healthy receiver's log has no rejections");
        assertEquals(expectedFixes, streamed.fixes().size());
        for (PositionFix fix : streamed.fixes()) {
            String context = logName + " " + fix;
            assertTrue(fix.latitude() >= -90, context);
            assertTrue(fix.latitude() <= 90, context);
            assertTrue(fix.longitude() >= -180, context);
            assertTrue(fix.longitude() <= 180, context);
            // The header date is local, and the SiRFstarV log was recorded on the evening of
            // 2019-02-04 in Oregon, which is 2019-02-05 in UTC.
            LocalDate fixDate = fix.fixTime().atOffset(ZoneOffset.UTC).toLocalDate();
            assertFalse(fixDate.isBefore(recorded), context);
            assertFalse(fixDate.isAfter(recorded.plusDays(1)), context);
            assertNotNull(fix.speedKmh(), context);
            assertTrue(fix.speedKmh() >= 0, context);
            assertTrue(fix.speedKmh() < 500, context);
            assertNotNull(fix.hdop(), context);
            assertTrue(fix.hdop() > 0, context);
        }
    }

    /**
     * Compares every fix with gpsd's first report of the same time. gpsd prints degrees
     * with 9 decimals and speed in m/s with 3, hence the tolerances.
     */
    @ParameterizedTest
    @CsvSource({"quectel-l76k-dual, 130", "sirfstarv-nmea, 59", "quectel-L70, 16", "nmea-rtk, 122"})
    void streamMatchesGpsd(String logName, int expectedMatches) {
        Map<Instant, GpsdReports.Tpv> reference = GpsdReports.firstTpvByTime(logName);
        Streamed streamed = stream(logName, noonOf(Fixtures.headerDate(logName)));

        int matched = 0;
        for (PositionFix fix : streamed.fixes()) {
            GpsdReports.Tpv tpv = reference.get(fix.fixTime());
            if (tpv == null) {
                continue;
            }
            matched++;
            String context = logName + " " + fix + " vs gpsd " + tpv;
            assertEquals(tpv.latitude(), fix.latitude(), 1e-9, context);
            assertEquals(tpv.longitude(), fix.longitude(), 1e-9, context);
            assertNotNull(fix.speedKmh(), context);
            assertEquals(tpv.speedMps() * 3.6, fix.speedKmh(), 0.0005 * 3.6, context);
            assertNotNull(fix.course(), context);
            assertEquals(tpv.track(), fix.course(), 1e-4, context);
            assertNotNull(fix.altitude(), context);
            // gpsd prints its first L70 report after the RMC, before the GGA with the altitude.
            if (tpv.altitude() != null) {
                assertEquals(tpv.altitude(), fix.altitude(), 1e-4, context);
            }
            assertEquals(tpv.mode() >= 2, fix.valid(), context);
        }
        assertEquals(expectedMatches, matched, "fixes with a gpsd report of the same time");
    }

    /**
     * Rejections over whole logs. Only two receivers send broken sentences: the Garmin Geko 201
     * one BOD with an empty checksum, the MTK-3301 twelve cold-start positions at 89 deg 60'.
     */
    @ParameterizedTest
    @CsvSource({
            "garmin-geko201, BAD_CHECKSUM, 1",
            "mtk-3301, UNPARSEABLE, 12",
    })
    void brokenReceiversCounted(String logName, DeviceErrorKind kind, int count) {
        Streamed streamed = stream(logName, noonOf(Fixtures.headerDate(logName)));
        assertEquals(Map.of(kind, count), streamed.rejections());
    }

    @Test
    void allLogsNeverThrow() {
        NmeaDecoder decoder = new NmeaDecoder();
        List<String> logNames = Fixtures.logNames();
        assertTrue(logNames.size() >= 14, "fixtures found: " + logNames);
        for (String logName : logNames) {
            EpochAssembler assembler = new EpochAssembler("dev", Clock.systemUTC());
            for (String line : Fixtures.receivedLines(logName)) {
                assertNotNull(decoder.decode(line), logName);
                assertNotNull(decoder.decode(line.strip()), logName);
                assertNotNull(assembler.accept(line), logName);
            }
            assertNotNull(assembler.flush(), logName);
        }
    }

    @Test
    void mutatedSentencesNeverThrow() {
        // Fixed seed, so a failure reproduces. Mutations: cut, overwrite, insert, and delete
        // characters, with a bias towards the characters that steer parsing.
        Random random = new Random(20_240_501L);
        String steering = ",.*$!-+0123456789ANSEWVMKT\r\u0000\u00ff";
        List<String> seeds = new ArrayList<>();
        for (String logName : List.of("quectel-l76k-dual", "nmea-rtk", "garmin-geko201", "telit-he910", "tn204")) {
            Fixtures.receivedLines(logName).stream().filter(line -> line.startsWith("$")).limit(200).forEach(seeds::add);
        }
        EpochAssembler assembler = new EpochAssembler("dev", Clock.systemUTC());
        int rejected = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder line = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations && line.length() > 0; m++) {
                int at = random.nextInt(line.length());
                char c = random.nextBoolean() ? steering.charAt(random.nextInt(steering.length())) : (char) random.nextInt(256);
                switch (random.nextInt(4)) {
                    case 0 -> line.setLength(at);
                    case 1 -> line.setCharAt(at, c);
                    case 2 -> line.insert(at, c);
                    default -> line.deleteCharAt(at);
                }
            }
            LineOutcome outcome = assembler.accept(line.toString());
            assertNotNull(outcome.decodeResult());
            if (outcome.decodeResult() instanceof DecodeResult.Rejected) {
                rejected++;
            }
        }
        assembler.flush();
        assertTrue(rejected > 10_000, "most mutations should be rejected, got " + rejected);
    }
}
