package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RelocationTest {

    private static final BigDecimal LAHORE_LATITUDE = new BigDecimal("31.5204");
    private static final BigDecimal LAHORE_LONGITUDE = new BigDecimal("74.3587");

    @Test
    void firstFixLandsOnTarget() {
        List<byte[]> moved = relocate("quectel-L70.log", LAHORE_LATITUDE, LAHORE_LONGITUDE);

        // 31.5204 degrees are 31 degrees 31.2240 minutes, 74.3587 are 74 degrees 21.5220 minutes.
        String rmc = text(moved.get(1));
        assertTrue(rmc.startsWith("$GPRMC,150119.000,A,3131.2240,N,07421.5220,E,0.09,194.17,090322,,,D*"), rmc);
        assertTrue(Sentence.findAll(rmc).get(0).trusted(), () -> "checksum of " + rmc);
        String gga = text(moved.get(2));
        assertTrue(gga.startsWith("$GPGGA,150119.000,3131.2240,N,07421.5220,E,2,8,0.94,1102.4,M,-17.5,M,,*"), gga);
    }

    @Test
    void trackKeepsItsShape() {
        // bundg_zeus_9.log was recorded on a moving boat.
        List<byte[]> original = ReplayScript.splitLines(Fixtures.read("bundg_zeus_9.log"));
        List<byte[]> moved = relocate("bundg_zeus_9.log", LAHORE_LATITUDE, LAHORE_LONGITUDE);
        List<BigDecimal[]> before = positions(original);
        List<BigDecimal[]> after = positions(moved);

        assertEquals(before.size(), after.size());
        assertTrue(before.size() > 100, "positions in the log: " + before.size());
        for (int i = 1; i < before.size(); i++) {
            assertEquals(0, before.get(i)[0].subtract(before.get(0)[0]).compareTo(after.get(i)[0].subtract(after.get(0)[0])),
                    "latitude step of position " + i);
            assertEquals(0, before.get(i)[1].subtract(before.get(0)[1]).compareTo(after.get(i)[1].subtract(after.get(0)[1])),
                    "longitude step of position " + i);
        }
    }

    @Test
    void eightDecimalsArePreserved() {
        List<byte[]> moved = relocate("nmea-rtk.log", LAHORE_LATITUDE, LAHORE_LONGITUDE);

        assertTrue(text(moved.get(0)).startsWith("$GNGGA,132819.60,3131.22400000,N,07421.52200000,E,2,"), text(moved.get(0)));
        // The second fix is 0.00000016 minutes south and 0.00000013 minutes west of the first one.
        assertTrue(text(moved.get(2)).startsWith("$GNGGA,132819.70,3131.22399984,N,07421.52199987,E,2,"), text(moved.get(2)));
    }

    @Test
    void southernEasternLogMovesToNorthernTarget() {
        // haicom-305N.log was recorded near 27 S 153 E.
        List<byte[]> moved = relocate("haicom-305N.log", new BigDecimal("24.8607"), new BigDecimal("67.0011"));

        List<String> hemispheres = new ArrayList<>();
        for (byte[] line : moved) {
            for (Sentence sentence : Sentence.findAll(text(line))) {
                if (sentence.type().equals("RMC") && !sentence.field(3).isEmpty()) {
                    hemispheres.add(sentence.field(4) + sentence.field(6));
                    assertTrue(sentence.field(3).startsWith("2451."), sentence.field(3));
                    assertTrue(sentence.field(5).startsWith("06700."), sentence.field(5));
                }
            }
        }
        assertTrue(hemispheres.size() > 50, "RMC sentences: " + hemispheres.size());
        assertTrue(hemispheres.stream().allMatch("NE"::equals), hemispheres.toString());
    }

    @Test
    void gnsSentenceIsShifted() {
        List<byte[]> moved = relocate("quectel-eg25-g-2.log", LAHORE_LATITUDE, LAHORE_LONGITUDE);

        String gns = text(moved.get(1));
        assertTrue(gns.startsWith("$GNGNS,051347.00,3131.224000,N,07421.522000,E,AAN,09,"), gns);
        assertTrue(Sentence.findAll(gns).get(0).trusted(), () -> "checksum of " + gns);
    }

    @Test
    void latitudePastPoleIsHeldAtNinetyDegrees() {
        // mtk-3301.log reports 89 degrees 60 minutes north before its first fix at 52 degrees north.
        List<byte[]> moved = relocate("mtk-3301.log", new BigDecimal("80"), BigDecimal.ZERO);

        assertTrue(text(moved.get(4)).startsWith("$GPGGA,235946.005,9000.000000,N,"), text(moved.get(4)));
    }

    @Test
    void longitudeWrapsAtDateLine() {
        // The boat in bundg_zeus_9.log heads south-west, so its later positions cross 180 degrees.
        List<byte[]> moved = relocate("bundg_zeus_9.log", BigDecimal.ZERO, new BigDecimal("-179.9999"));

        List<String> longitudes = new ArrayList<>();
        for (byte[] line : moved) {
            for (Sentence sentence : Sentence.findAll(text(line))) {
                if (sentence.type().equals("GGA")) {
                    longitudes.add(sentence.field(4) + sentence.field(5));
                }
            }
        }
        assertEquals("17959.9940W", longitudes.get(0));
        assertTrue(longitudes.stream().anyMatch(l -> l.endsWith("E")), longitudes.toString());
        assertTrue(longitudes.stream().allMatch(l -> l.startsWith("17959.")), longitudes.toString());
    }

    @Test
    void sentenceWithWrongChecksumIsUnchanged() {
        List<byte[]> lines = ReplayScript.splitLines(Fixtures.read("quectel-L70.log"));
        Relocation relocation = Relocation.toTarget(lines, LAHORE_LATITUDE, LAHORE_LONGITUDE).orElseThrow();
        byte[] corrupted = "$GPRMC,150120.000,A,5104.0859,N,11405.7388,W,0.13,194.17,090322,,,D*7E"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertArrayEquals(corrupted, relocation.apply(corrupted));
    }

    @Test
    void sentenceAfterBinaryIsShiftedAndBinaryKept() {
        List<byte[]> lines = ReplayScript.splitLines(Fixtures.read("quectel-l76k-dual.log"));
        List<byte[]> moved = Relocation.toTarget(lines, LAHORE_LATITUDE, LAHORE_LONGITUDE).orElseThrow().apply(lines);

        int mixed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String before = text(lines.get(i));
            int dollar = before.indexOf("$GNGGA,");
            if (dollar <= 0) {
                continue;
            }
            mixed++;
            String after = text(moved.get(i));
            assertEquals(before.substring(0, dollar), after.substring(0, dollar), "binary bytes of line " + i);
            Sentence sentence = Sentence.findAll(after.substring(dollar)).get(0);
            assertTrue(sentence.trusted(), "checksum of line " + i);
            assertTrue(sentence.field(2).startsWith("3131.2"), "latitude of line " + i + ": " + sentence.field(2));
            assertTrue(sentence.field(4).startsWith("07421.5"), "longitude of line " + i + ": " + sentence.field(4));
        }
        assertTrue(mixed > 100, "lines with binary bytes before $GNGGA: " + mixed);
    }

    @Test
    void everyLogWithFixStaysValid() {
        int relocatedLogs = 0;
        for (String logName : Fixtures.catalog().names()) {
            List<byte[]> lines = ReplayScript.splitLines(Fixtures.read(logName));
            Optional<Relocation> relocation = Relocation.toTarget(lines, LAHORE_LATITUDE, LAHORE_LONGITUDE);
            if (relocation.isEmpty()) {
                continue;
            }
            relocatedLogs++;
            List<byte[]> moved = relocation.get().apply(lines);
            assertEquals(lines.size(), moved.size(), logName);
            for (int i = 0; i < lines.size(); i++) {
                List<Sentence> before = Sentence.findAll(text(lines.get(i)));
                List<Sentence> after = Sentence.findAll(text(moved.get(i)));
                assertEquals(before.size(), after.size(), logName + " line " + i);
                for (int k = 0; k < before.size(); k++) {
                    assertEquals(before.get(k).trusted(), after.get(k).trusted(), logName + " line " + i);
                    assertEquals(before.get(k).address(), after.get(k).address(), logName + " line " + i);
                    assertEquals(before.get(k).utcMillisOfDay(), after.get(k).utcMillisOfDay(), logName + " line " + i);
                }
            }
        }
        assertEquals(13, relocatedLogs, "logs with a fix; only navisys-gr701w.log has none");
    }

    @Test
    void logWithoutFixCannotBeRelocated() {
        List<byte[]> lines = ReplayScript.splitLines(Fixtures.read("navisys-gr701w.log"));

        assertEquals(Optional.empty(), Relocation.toTarget(lines, LAHORE_LATITUDE, LAHORE_LONGITUDE));
    }

    @Test
    void linesWithoutPositionAreSameArray() {
        List<byte[]> lines = ReplayScript.splitLines(Fixtures.read("quectel-L70.log"));
        Relocation relocation = Relocation.toTarget(lines, LAHORE_LATITUDE, LAHORE_LONGITUDE).orElseThrow();
        byte[] gsa = lines.get(3);

        assertEquals("$GPGSA,A,3,04,09,16,26,07,03,27,02,,,,,1.21,0.94,0.76*01", text(gsa));
        assertTrue(gsa == relocation.apply(gsa));
        assertNotEquals(text(lines.get(1)), text(relocation.apply(lines.get(1))));
    }

    private static List<byte[]> relocate(String logName, BigDecimal latitude, BigDecimal longitude) {
        List<byte[]> lines = ReplayScript.splitLines(Fixtures.read(logName));
        return Relocation.toTarget(lines, latitude, longitude).orElseThrow().apply(lines);
    }

    /** Returns {latitude, longitude} in signed minutes of every GGA and RMC position, parsed independently of Relocation. */
    private static List<BigDecimal[]> positions(List<byte[]> lines) {
        List<BigDecimal[]> positions = new ArrayList<>();
        for (byte[] line : lines) {
            for (Sentence sentence : Sentence.findAll(text(line))) {
                int lat = sentence.type().equals("GGA") ? 2 : sentence.type().equals("RMC") ? 3 : -1;
                if (lat < 0 || sentence.field(lat).isEmpty()) {
                    continue;
                }
                positions.add(new BigDecimal[] {
                    minutes(sentence.field(lat), sentence.field(lat + 1), 2),
                    minutes(sentence.field(lat + 2), sentence.field(lat + 3), 3)
                });
            }
        }
        return positions;
    }

    private static BigDecimal minutes(String field, String hemisphere, int degreeDigits) {
        BigDecimal value = new BigDecimal(field.substring(0, degreeDigits)).multiply(BigDecimal.valueOf(60))
                .add(new BigDecimal(field.substring(degreeDigits)));
        return hemisphere.equals("S") || hemisphere.equals("W") ? value.negate() : value;
    }

    private static String text(byte[] line) {
        return ReplayScript.text(line);
    }
}
