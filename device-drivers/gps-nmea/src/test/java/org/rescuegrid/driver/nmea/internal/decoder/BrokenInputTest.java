package org.rescuegrid.driver.nmea.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rescuegrid.api.device.DeviceErrorKind;

/** Decoding of corrupted, truncated, malformed and non-NMEA lines. */
class BrokenInputTest {

    private static final String RMC = "$GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D*73";

    private final NmeaDecoder decoder = new NmeaDecoder();

    private DecodeResult.Rejected rejected(String line, DeviceErrorKind kind) {
        DecodeResult result = decoder.decode(line);
        DecodeResult.Rejected rejected = assertInstanceOf(DecodeResult.Rejected.class, result, () -> line + " -> " + result);
        assertEquals(kind, rejected.kind(), rejected.reason());
        return rejected;
    }

    private static void assertMentions(String reason, String... parts) {
        for (String part : parts) {
            assertTrue(reason.contains(part), () -> "reason should mention " + part + ": " + reason);
        }
    }

    @Test
    void fixtureSentenceDecodes() {
        // Guards the other tests: RMC is copied unchanged from quectel-L70.log and decodes.
        assertEquals(RMC, Fixtures.lineWith("quectel-L70", "$GPRMC,150119.000"));
        assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(RMC));
    }

    @Test
    void wrongChecksumRejected() {
        DecodeResult.Rejected rejected = rejected(RMC.replace("*73", "*72"), DeviceErrorKind.BAD_CHECKSUM);
        assertMentions(rejected.reason(), "'72'", "73", "$GPRMC,150119.000");
    }

    @Test
    void corruptedFieldFailsChecksum() {
        DecodeResult.Rejected rejected = rejected(RMC.replace("5104.0859", "5104.0869"), DeviceErrorKind.BAD_CHECKSUM);
        assertMentions(rejected.reason(), "'73'", "5104.0869");
    }

    @Test
    void missingChecksumRejected() {
        DecodeResult.Rejected rejected = rejected(RMC.substring(0, RMC.indexOf('*')), DeviceErrorKind.BAD_CHECKSUM);
        assertMentions(rejected.reason(), "missing", "$GPRMC,150119.000");
    }

    @Test
    void malformedChecksumRejected() {
        DecodeResult.Rejected rejected = rejected(RMC + "7", DeviceErrorKind.BAD_CHECKSUM);
        assertMentions(rejected.reason(), "'737'", "two hexadecimal digits");
    }

    @Test
    void lowerCaseChecksumAccepted() {
        String line = Fixtures.lineWith("quectel-l76k-dual", "$GNGLL,4739.71755");
        assertTrue(line.endsWith("*5C"), line);
        String lowerCase = line.substring(0, line.length() - 1) + "c";
        assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(lowerCase), lowerCase);
    }

    @Test
    void truncatedLineRejected() {
        // The connection dropped mid-sentence: no checksum arrived.
        DecodeResult.Rejected rejected = rejected("$GPRMC,150119.000,A,5104.08", DeviceErrorKind.BAD_CHECKSUM);
        assertMentions(rejected.reason(), "missing", "'$GPRMC,150119.000,A,5104.08'");
    }

    @Test
    void missingFieldsRejected() {
        // A receiver that cuts the sentence short but still sends a checksum.
        DecodeResult.Rejected rejected = rejected(Sentences.withChecksum("GPRMC,150119.000,A,5104.0859,N"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "RMC sentence has 4 data fields, expected at least 9", "$GPRMC,150119.000");
    }

    @Test
    void halfPositionRejected() {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPGGA,150119.000,5104.0859,,11405.7387,W,1,8,0.94,1102.4,M,-17.5,M,,"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "latitude hemisphere", "'5104.0859'");
    }

    @Test
    void unknownTypeIgnored() {
        assertEquals(new DecodeResult.Ignored("GPXYZ"), decoder.decode(Sentences.withChecksum("GPXYZ,1,2,3")));
        assertEquals(new DecodeResult.Ignored("QZGSV"), decoder.decode(Sentences.withChecksum("QZGSV,1,1,00")));
        assertEquals(new DecodeResult.Ignored("PGRME"), decoder.decode("$PGRME,15.0,M,22.5,M,27.0,M*1A"));
        assertEquals(new DecodeResult.Ignored("AIVDM"), decoder.decode("!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C"));
    }

    @Test
    void proprietaryWithoutChecksumIgnored() {
        // The MTK-3301 sends these without a checksum; proprietary formats are not checked.
        assertEquals(new DecodeResult.Ignored("POLYN"), decoder.decode(Fixtures.lineWith("mtk-3301", "$POLYN,TIME")));
    }

    @Test
    void ignoredTypeStillChecksummed() {
        // The Garmin Geko 201 sends one BOD with an empty checksum field.
        String line = "$GPBOD,,T,,M,,*";
        assertTrue(Fixtures.receivedLines("garmin-geko201").contains(line), "fixture should contain " + line);
        DecodeResult.Rejected rejected = rejected(line, DeviceErrorKind.BAD_CHECKSUM);
        assertMentions(rejected.reason(), "checksum ''", "$GPBOD");
    }

    @Test
    void emptyPositionNoError() {
        DecodeResult rmc = decoder.decode("$GPRMC,,V,,,,,,,,,,N*53");
        RmcSentence sentence = assertInstanceOf(RmcSentence.class, assertInstanceOf(DecodeResult.Decoded.class, rmc).sentence());
        assertNull(sentence.position());
        assertNull(sentence.time());

        String ggaLine = Sentences.withChecksum("GPGGA,123519.00,,,,,0,00,99.99,,,,,,");
        DecodeResult gga = decoder.decode(ggaLine);
        GgaSentence ggaSentence = assertInstanceOf(GgaSentence.class,
                assertInstanceOf(DecodeResult.Decoded.class, gga, ggaLine).sentence());
        assertNull(ggaSentence.position());
        assertEquals(0, ggaSentence.quality());
        assertEquals(99.99, ggaSentence.hdop());
    }

    @Test
    void nonNumericLatitudeRejected() {
        // Letter O in place of the digit 0.
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPGGA,150119.000,51O4.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "latitude", "'51O4.0859'", "ddmm.mmmm", "$GPGGA,150119.000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e3", "0x1p3", " 12", "12d", "1.2.3", "-"})
    void javaOnlyNumberFormsRejected(String altitude) {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPGGA,150119.000,5104.0859,N,11405.7387,W,2,8,0.94," + altitude + ",M,-17.5,M,,"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "altitude '" + altitude + "'", "is not a decimal number");
    }

    @Test
    void latitudeOutOfRangeRejected() {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPRMC,150119.000,A,9130.0000,N,11405.7387,W,0.09,194.17,090322,,,D"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "latitude '9130.0000'", "beyond 90 degrees");
    }

    @Test
    void longitudeOutOfRangeRejected() {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPGLL,5104.0859,N,18000.0001,E,150119.000,A,A"), DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "longitude '18000.0001'", "beyond 180 degrees");
    }

    @Test
    void sixtyMinutesRejected() {
        // The MTK-3301 sends 89 deg 60' during a cold start, with status V.
        DecodeResult.Rejected rejected = rejected(Fixtures.lineWith("mtk-3301", "$GPRMC,235946.005"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "latitude '8960.000000'", "minutes of 60 or more");
    }

    @Test
    void invalidTimeRejected() {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPGGA,246119.000,5104.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "UTC time '246119.000'");
    }

    @Test
    void invalidDateRejected() {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,300222,,,D"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "date '300222'", "not a calendar date");
    }

    @Test
    void unknownModeRejected() {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPVTG,286.35,T,,M,0.00,N,0.00,K,X"), DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "mode indicator 'X'");
    }

    @Test
    void negativeSpeedRejected() {
        DecodeResult.Rejected rejected = rejected(
                Sentences.withChecksum("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,-0.09,194.17,090322,,,D"),
                DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "speed over ground (knots) '-0.09'", "negative");
    }

    @Test
    void badAddressRejected() {
        DecodeResult.Rejected rejected = rejected(Sentences.withChecksum("GPRMCX,150119.000"), DeviceErrorKind.UNPARSEABLE);
        assertMentions(rejected.reason(), "address field 'GPRMCX'");
    }

    @Test
    void binaryGarbageNotNmea() {
        // u-blox UBX packets from the Navisys GR-701W: no NMEA at all, but '$' and '!' bytes.
        List<String> lines = Fixtures.receivedLines("navisys-gr701w");
        long withDelimiter = lines.stream().filter(line -> line.indexOf('$') >= 0 || line.indexOf('!') >= 0).count();
        assertTrue(withDelimiter > 10, "fixture should contain binary lines with '$' or '!' bytes");
        for (String line : lines) {
            assertInstanceOf(DecodeResult.NotNmea.class, decoder.decode(line), () -> Excerpt.quote(line));
        }
    }

    @Test
    void controlCharactersEscaped() {
        DecodeResult.Rejected rejected = rejected("\u0000\u00b5b$GPRMC,1\u001b[2J\nforged log line", DeviceErrorKind.BAD_CHECKSUM);
        assertFalse(rejected.reason().contains("\n"), rejected.reason());
        assertFalse(rejected.reason().contains("\u001b"), rejected.reason());
        assertMentions(rejected.reason(), "\\x1B[2J\\x0Aforged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r", "   ", "\u0000\u0000"})
    void emptyLineNotNmea(String line) {
        assertInstanceOf(DecodeResult.NotNmea.class, decoder.decode(line));
    }

    @Test
    void nullLineNotNmea() {
        assertInstanceOf(DecodeResult.NotNmea.class, decoder.decode(null));
    }

    @Test
    void longCommaSentenceRejected() {
        String line = Sentences.withChecksum("GPGGA" + ",".repeat(10_000));
        DecodeResult.Rejected rejected = rejected(line, DeviceErrorKind.FRAME_TOO_LONG);
        assertMentions(rejected.reason(), "10009 characters", "maximum of 512", "'$GPGGA,,,,", "(10009 characters)");
        assertTrue(rejected.reason().length() < 300, "reason should be cut: " + rejected.reason().length());
    }

    @Test
    void commasWithinLimitNoPosition() {
        // 40 empty fields: more than any GGA has, as NMEA 4.1 trailing fields would add.
        String line = Sentences.withChecksum("GPGGA" + ",".repeat(40));
        GgaSentence gga = assertInstanceOf(GgaSentence.class,
                assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(line)).sentence());
        assertNull(gga.position());
        assertNull(gga.time());
    }

    @Test
    void commasWithoutDelimiterNotNmea() {
        assertInstanceOf(DecodeResult.NotNmea.class, decoder.decode(",".repeat(100_000)));
    }

    @Test
    void shorterMaximumApplies() {
        NmeaDecoder strict = new NmeaDecoder(82);
        String rtkGga = Fixtures.lineWith("nmea-rtk", "$GNGGA,132819.60");
        DecodeResult result = strict.decode(rtkGga);
        assertEquals(DeviceErrorKind.FRAME_TOO_LONG, assertInstanceOf(DecodeResult.Rejected.class, result).kind());
    }
}
