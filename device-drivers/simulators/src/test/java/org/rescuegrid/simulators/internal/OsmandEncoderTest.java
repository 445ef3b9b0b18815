package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandDecoder;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandReport;
import org.rescuegrid.driver.osmand.internal.decoder.QueryString;

/** Encodes epochs as OsmAnd query strings and decodes them with the OsmAnd driver's own decoder. */
class OsmandEncoderTest {

    /** A clock far from the epoch's time, so a test fails if the decoder falls back to the time of receipt. */
    private static final OsmandDecoder DECODER = new OsmandDecoder(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void queryOfRmcAndGga() {
        String query = new OsmandEncoder().query("CREW-LHR-07", List.of(
                line("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,12.50,194.17,090322,,,D"),
                line("GPGGA,150119.000,5104.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,")));

        assertEquals("id=CREW-LHR-07&timestamp=1646838079&lat=51.0680983&lon=-114.0956450&speed=12.50&bearing=194&altitude=1102.4"
                + "&hdop=0.94", query);
    }

    @Test
    void queryDecodesWithDriver() throws Exception {
        String query = new OsmandEncoder().query("CREW-LHR-07", List.of(
                line("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,12.50,194.17,090322,,,D"),
                line("GPGGA,150119.000,5104.0859,N,11405.7387,W,2,8,0.94,1102.4,M,-17.5,M,,")));

        OsmandReport report = DECODER.fromParameters(QueryString.parse(query));

        assertEquals("CREW-LHR-07", report.deviceId());
        PositionFix fix = report.fix();
        assertEquals(Instant.parse("2022-03-09T15:01:19Z"), fix.fixTime());
        assertEquals(51 + 4.0859 / 60, fix.latitude(), 1e-7);
        assertEquals(-(114 + 5.7387 / 60), fix.longitude(), 1e-7);
        assertEquals(12.5 * 1.852, fix.speedKmh(), 1e-9);
        assertEquals(194.0, fix.course());
        assertEquals(1102.4, fix.altitude(), 1e-9);
        assertEquals(0.94, fix.hdop(), 1e-9);
        assertEquals(true, fix.valid());
    }

    @Test
    void epochWithoutGgaOmitsHdop() throws Exception {
        String query = new OsmandEncoder().query("CREW-LHR-07", List.of(line("GPRMC,150119.000,A,5104.0859,N,11405.7387,W,,,090322,,,A")));

        assertEquals("id=CREW-LHR-07&timestamp=1646838079&lat=51.0680983&lon=-114.0956450&speed=0.00&bearing=0&altitude=0.0", query);
        assertEquals(null, DECODER.fromParameters(QueryString.parse(query)).fix().hdop());
    }

    @Test
    void epochWithoutValidRmcSendsNothing() {
        assertEquals("", new OsmandEncoder().query("CREW-LHR-07", List.of(line("GPRMC,150119.000,V,,,,,,,090322,,,N"))));
    }

    private static byte[] line(String body) {
        return ("$" + body + "*" + String.format("%02X", Sentence.checksum(body))).getBytes(StandardCharsets.ISO_8859_1);
    }
}
