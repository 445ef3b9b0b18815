package org.rescuegrid.driver.nmea.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/**
 * Decoding of real sentences from the fixture recordings. Expected positions are gpsd's values
 * from the matching {@code .log.chk}, which gpsd prints with 9 decimals, hence the tolerance.
 */
class NmeaDecoderTest {

    /** gpsd rounds degrees to 9 decimals, so its value is within 5e-10 of the exact one. */
    private static final double GPSD_DEGREES = 1e-9;
    private static final double EXACT = 1e-12;

    private final NmeaDecoder decoder = new NmeaDecoder();

    private <T extends NmeaSentence> T decode(String line, Class<T> type) {
        DecodeResult result = decoder.decode(line);
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result, () -> line + " -> " + result);
        return assertInstanceOf(type, decoded.sentence());
    }

    @Test
    void quectelL70RmcAndGga() {
        RmcSentence rmc = decode(Fixtures.lineWith("quectel-L70", "$GPRMC,150119.000"), RmcSentence.class);
        assertEquals("GP", rmc.talker());
        assertEquals(LocalTime.of(15, 1, 19), rmc.time());
        assertEquals(LocalDate.of(2022, 3, 9), rmc.date());
        assertEquals(51.068098333, rmc.position().latitude(), GPSD_DEGREES);
        assertEquals(-114.095645000, rmc.position().longitude(), GPSD_DEGREES);
        // gpsd reports 0.046 m/s, which is 0.09 knots rounded to 3 decimals in m/s.
        assertEquals(0.09, rmc.speedKnots(), EXACT);
        assertEquals(194.17, rmc.courseTrue(), EXACT);
        assertEquals(FixMode.DIFFERENTIAL, rmc.mode());
        assertEquals(Boolean.TRUE, rmc.validity());

        GgaSentence gga = decode(Fixtures.lineWith("quectel-L70", "$GPGGA,150119.000"), GgaSentence.class);
        assertEquals(LocalTime.of(15, 1, 19), gga.time());
        assertEquals(51.068098333, gga.position().latitude(), GPSD_DEGREES);
        assertEquals(-114.095645000, gga.position().longitude(), GPSD_DEGREES);
        assertEquals(2, gga.quality());
        assertEquals(8, gga.satellites());
        assertEquals(0.94, gga.hdop(), EXACT);
        assertEquals(1102.4, gga.altitude(), EXACT);
    }

    @Test
    void quectelL76kMultiConstellation() {
        String log = "quectel-l76k-dual";
        GgaSentence gga = decode(Fixtures.lineWith(log, "$GNGGA,071551.000"), GgaSentence.class);
        assertEquals("GN", gga.talker());
        assertEquals(LocalTime.of(7, 15, 51), gga.time());
        assertEquals(47.661959000, gga.position().latitude(), GPSD_DEGREES);
        assertEquals(-122.326362833, gga.position().longitude(), GPSD_DEGREES);
        assertEquals(1, gga.quality());
        assertEquals(17, gga.satellites());
        assertEquals(0.8, gga.hdop(), EXACT);
        assertEquals(77.5, gga.altitude(), EXACT);

        GllSentence gll = decode(Fixtures.lineWith(log, "$GNGLL,4739.71754"), GllSentence.class);
        assertEquals(LocalTime.of(7, 15, 51), gll.time());
        assertEquals(47.661959000, gll.position().latitude(), GPSD_DEGREES);
        assertEquals(-122.326362833, gll.position().longitude(), GPSD_DEGREES);
        assertEquals(FixMode.AUTONOMOUS, gll.mode());
        assertEquals(Boolean.TRUE, gll.validity());

        // NMEA 4.1 RMC: a navigational status field (V) follows the mode indicator.
        RmcSentence rmc = decode(Fixtures.lineWith(log, "$GNRMC,071551.000"), RmcSentence.class);
        assertEquals(LocalDate.of(2026, 8, 6), rmc.date());
        assertEquals(0.0, rmc.speedKnots(), EXACT);
        assertEquals(286.35, rmc.courseTrue(), EXACT);
        assertEquals(Boolean.TRUE, rmc.validity());

        VtgSentence vtg = decode(Fixtures.lineWith(log, "$GNVTG,286.35"), VtgSentence.class);
        assertEquals(286.35, vtg.courseTrue(), EXACT);
        assertEquals(0.0, vtg.speedKmh(), EXACT);
        assertEquals(FixMode.AUTONOMOUS, vtg.mode());
    }

    @Test
    void quectelL76kOtherTalkersIgnored() {
        String log = "quectel-l76k-dual";
        assertEquals(new DecodeResult.Ignored("BDGSV"), decoder.decode(Fixtures.lineWith(log, "$BDGSV,")));
        assertEquals(new DecodeResult.Ignored("GLGSV"), decoder.decode(Fixtures.lineWith(log, "$GLGSV,")));
        assertEquals(new DecodeResult.Ignored("GNGSA"), decoder.decode(Fixtures.lineWith(log, "$GNGSA,")));
        assertEquals(new DecodeResult.Ignored("GPTXT"), decoder.decode(Fixtures.lineWith(log, "$GPTXT,")));
        assertEquals(new DecodeResult.Ignored("GNZDA"), decoder.decode(Fixtures.lineWith(log, "$GNZDA,")));
    }

    @Test
    void quectelL76kSentenceAfterBinary() {
        // The CASIC binary packet before this GGA has no LF byte, so it shares the line.
        String line = Fixtures.lineWith("quectel-l76k-dual", "$GNGGA,071552.000");
        assertFalse(line.startsWith("$"), "fixture line should start with binary data");

        GgaSentence gga = decode(line, GgaSentence.class);
        assertEquals(LocalTime.of(7, 15, 52), gga.time());
        assertEquals(47.661959167, gga.position().latitude(), GPSD_DEGREES);
        assertEquals(17, gga.satellites());
    }

    @Test
    void quectelEg25Nmea41AndGalileo() {
        String log = "quectel-eg25-g-2";
        RmcSentence rmc = decode(Fixtures.lineWith(log, "$GPRMC,051347.00"), RmcSentence.class);
        assertEquals(LocalDate.of(2022, 9, 20), rmc.date());
        assertEquals(LocalTime.of(5, 13, 47), rmc.time());
        assertEquals(60.022279983, rmc.position().latitude(), GPSD_DEGREES);
        assertEquals(30.236150133, rmc.position().longitude(), GPSD_DEGREES);
        assertEquals(FixMode.AUTONOMOUS, rmc.mode());

        assertEquals(new DecodeResult.Ignored("GAGSV"), decoder.decode(Fixtures.lineWith(log, "$GAGSV,")));
        assertEquals(new DecodeResult.Ignored("GNGNS"), decoder.decode(Fixtures.lineWith(log, "$GNGNS,")));
        assertEquals(new DecodeResult.Ignored("PQGSA"), decoder.decode(Fixtures.lineWith(log, "$PQGSA,")));
    }

    @Test
    void trimbleRtkHighPrecision() {
        String log = "nmea-rtk";
        GgaSentence gga = decode(Fixtures.lineWith(log, "$GNGGA,132819.60"), GgaSentence.class);
        assertEquals(LocalTime.of(13, 28, 19, 600_000_000), gga.time());
        // 8 decimals of minutes: 41 deg 34.49795459' and 93 deg 45.03431408'.
        assertEquals(41.574965910, gga.position().latitude(), GPSD_DEGREES);
        assertEquals(-93.750571901, gga.position().longitude(), GPSD_DEGREES);
        assertEquals(2, gga.quality());
        assertEquals(10, gga.satellites());
        assertEquals(0.9, gga.hdop(), EXACT);
        assertEquals(278.161, gga.altitude(), EXACT);

        RmcSentence rmc = decode(Fixtures.lineWith(log, "$GNRMC,132819.60"), RmcSentence.class);
        assertEquals(LocalDate.of(2020, 3, 18), rmc.date());
        // gpsd reports 0.076 m/s: 0.148 knots in m/s, rounded.
        assertEquals(0.148, rmc.speedKnots(), EXACT);
        assertEquals(124.888, rmc.courseTrue(), EXACT);
        assertEquals(FixMode.DIFFERENTIAL, rmc.mode());
    }

    @Test
    void sirfStarVPerConstellationGga() {
        String log = "sirfstarv-nmea";
        GgaSentence gps = decode(Fixtures.lineWith(log, "$GPGGA,020935.000"), GgaSentence.class);
        GgaSentence glonass = decode(Fixtures.lineWith(log, "$GLGGA,020935.000"), GgaSentence.class);
        assertEquals(44.068918333, gps.position().latitude(), GPSD_DEGREES);
        assertEquals(-121.314260000, gps.position().longitude(), GPSD_DEGREES);
        assertEquals(1123.9, gps.altitude(), EXACT);
        // Each GGA counts its own constellation: 8 GPS and 2 GLONASS satellites, as in the GSAs.
        assertEquals(8, gps.satellites());
        assertEquals(2, glonass.satellites());
        assertEquals("GL", glonass.talker());
    }

    @Test
    void teseoGllAndVtg() {
        String log = "st-teseo-liv3f";
        GllSentence gll = decode(Fixtures.lineWith(log, "$GPGLL,4215.07753"), GllSentence.class);
        assertEquals(LocalTime.of(20, 34, 51), gll.time());
        assertEquals(42.251292167, gll.position().latitude(), GPSD_DEGREES);
        assertEquals(-88.198098667, gll.position().longitude(), GPSD_DEGREES);
        assertEquals(FixMode.DIFFERENTIAL, gll.mode());

        // The receiver rounds each unit separately: 0.1 knots (0.185 km/h) but 0.2 km/h.
        VtgSentence vtg = decode(Fixtures.lineWith(log, "$GPVTG,0.0,T,,M,0.1,N,0.2,K"), VtgSentence.class);
        assertEquals(0.2, vtg.speedKmh(), EXACT);
        assertEquals(0.0, vtg.courseTrue(), EXACT);
    }

    @Test
    void tripNavPreNmea23() {
        String log = "tn204";
        RmcSentence rmc = decode(Fixtures.lineWith(log, "$GPRMC,230148"), RmcSentence.class);
        assertEquals(LocalTime.of(23, 1, 48), rmc.time());
        assertEquals(LocalDate.of(2002, 10, 26), rmc.date());
        assertEquals(33.810083333, rmc.position().latitude(), GPSD_DEGREES);
        assertEquals(-118.352100000, rmc.position().longitude(), GPSD_DEGREES);
        assertEquals(0.0, rmc.speedKnots(), EXACT);
        assertEquals(209.4, rmc.courseTrue(), EXACT);
        assertNull(rmc.mode(), "NMEA 2.2 RMC has no mode field");
        assertEquals(Boolean.TRUE, rmc.validity());
    }

    @Test
    void garminSimulatorInvalid() {
        String log = "garmin-geko201";
        RmcSentence rmc = decode(Fixtures.lineWith(log, "$GPRMC,214350"), RmcSentence.class);
        assertEquals(40.397666667, rmc.position().latitude(), GPSD_DEGREES);
        assertEquals(-3.652716667, rmc.position().longitude(), GPSD_DEGREES);
        assertEquals(FixMode.SIMULATOR, rmc.mode());
        assertEquals(Boolean.FALSE, rmc.validity());

        // gpsd shows this GGA as a 3D fix with status 8. Quality 8 is simulation, which must not
        // reach a dispatcher as a real position, so it is invalid here.
        GgaSentence gga = decode(Fixtures.lineWith(log, "$GPGGA,214350"), GgaSentence.class);
        assertEquals(8, gga.quality());
        assertEquals(695.7, gga.altitude(), EXACT);
        assertEquals(Boolean.FALSE, gga.validity());
    }

    @Test
    void bundgNegativeAltitude() {
        GgaSentence gga = decode(Fixtures.lineWith("bundg_zeus_9", "$GPGGA,094736"), GgaSentence.class);
        assertEquals(LocalTime.of(9, 47, 36), gga.time());
        assertEquals(52.850156667, gga.position().latitude(), GPSD_DEGREES);
        assertEquals(5.313620000, gga.position().longitude(), GPSD_DEGREES);
        assertEquals(-4.0, gga.altitude(), EXACT);
        assertEquals(12, gga.satellites());
        assertEquals(0.6, gga.hdop(), EXACT);
    }

    @Test
    void haicomNoFixPlaceholders() {
        String log = "haicom-305N";
        // Position kept from the last fix, quality 0 and HDOP 00.0 while the receiver has no fix.
        GgaSentence gga = decode(Fixtures.lineWith(log, "$GPGGA,095257.809"), GgaSentence.class);
        assertEquals(-27.210673333, gga.position().latitude(), 1e-8);
        assertEquals(0, gga.quality());
        assertNull(gga.hdop(), "HDOP 00.0 means unknown");
        assertEquals(Boolean.FALSE, gga.validity());

        // The magnetic course unit field is empty instead of M; that is tolerated.
        VtgSentence vtg = decode(Fixtures.lineWith(log, "$GPVTG,0.00,T,,,0.00,N,0.00,K,A"), VtgSentence.class);
        assertEquals(0.0, vtg.speedKmh(), EXACT);
        assertEquals(Boolean.TRUE, vtg.validity());
    }

    @Test
    void telitEmptyFieldsBeforeFix() {
        String log = "telit-he910";
        RmcSentence rmc = decode(Fixtures.lineWith(log, "$GPRMC,,V,,,,,,,,,,N*53"), RmcSentence.class);
        assertNull(rmc.time());
        assertNull(rmc.position());
        assertNull(rmc.date());
        assertEquals(Boolean.FALSE, rmc.validity());

        GgaSentence gga = decode(Fixtures.lineWith(log, "$GPGGA,,,,,,0,,,,M,,M,,*66"), GgaSentence.class);
        assertNull(gga.position());
        assertNull(gga.altitude());
        assertEquals(0, gga.quality());

        GllSentence gll = decode(Fixtures.lineWith(log, "$GPGLL,,,,,,V,N*64"), GllSentence.class);
        assertNull(gll.position());
        assertEquals(FixMode.NOT_VALID, gll.mode());

        VtgSentence vtg = decode(Fixtures.lineWith(log, "$GPVTG,,T,,M,,N,,K,N*2C"), VtgSentence.class);
        assertNull(vtg.speedKmh());
        assertEquals(Boolean.FALSE, vtg.validity());
    }

    @Test
    void bu353GlonassRmc() {
        RmcSentence rmc = decode(Fixtures.lineWith("bu353-glonass", "$GNRMC,081412.000"), RmcSentence.class);
        assertEquals("GN", rmc.talker());
        assertEquals(LocalDate.of(2014, 5, 26), rmc.date());
        assertEquals(55.686593333, rmc.position().latitude(), GPSD_DEGREES);
        assertEquals(37.621461667, rmc.position().longitude(), GPSD_DEGREES);
        // gpsd reports 0.268 m/s: 0.52 knots in m/s, rounded.
        assertEquals(0.52, rmc.speedKnots(), EXACT);
        assertEquals(301.26, rmc.courseTrue(), EXACT);
        assertTrue(rmc.validity());
    }
}
