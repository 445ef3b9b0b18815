package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PresentTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T23:59:58.123Z");

    @Test
    void rmcTimeDateAndDecimals() {
        assertEquals("$GPRMC,235958.12,A,3131.2240,N,07421.5220,E,0.5,0.0,041226,,,A*5A",
                stamp("$GPRMC,150119.00,A,3131.2240,N,07421.5220,E,0.5,0.0,090322,,,A*5D"));
    }

    @Test
    void ggaAndGllTime() {
        assertEquals("$GPGGA,235958,3131.2240,N,07421.5220,E,1,08,1.0,210.0,M,-40.0,M,,*60",
                stamp("$GPGGA,150119,3131.2240,N,07421.5220,E,1,08,1.0,210.0,M,-40.0,M,,*6D"));
        assertEquals("$GPGLL,3131.2240,N,07421.5220,E,235958.123,A,A*58",
                stamp("$GPGLL,3131.2240,N,07421.5220,E,150119.000,A,A*55"));
    }

    @Test
    void badChecksumOrNoTimeUnchanged() {
        String broken = "$GPRMC,150119.00,A,3131.2240,N,07421.5220,E,0.5,0.0,090322,,,A*00";
        assertEquals(broken, stamp(broken));
        String noTime = "$GPGSA,A,3,04,05,09,12,,,,,,,,,2.5,1.3,2.1*39";
        assertEquals(noTime, stamp(noTime));
    }

    private static String stamp(String line) {
        return new String(PresentTime.apply(line.getBytes(StandardCharsets.ISO_8859_1), NOW), StandardCharsets.ISO_8859_1);
    }
}
