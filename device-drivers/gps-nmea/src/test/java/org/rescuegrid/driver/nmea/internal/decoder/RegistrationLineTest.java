package org.rescuegrid.driver.nmea.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationLineTest {

    private final RegistrationLine sentencePrefix = new RegistrationLine("$RGREG,");
    private final RegistrationLine plainPrefix = new RegistrationLine("ID=");

    private static RegistrationLine.Registration parsed(RegistrationLine parser, String line) {
        return parser.parse(line).orElseThrow(() -> new AssertionError("prefix not recognised in " + line));
    }

    @Test
    void sentenceFormAccepted() {
        assertEquals(new RegistrationLine.Registration.Accepted("VAN-017"), parsed(sentencePrefix, "$RGREG,VAN-017*3A\r"));
    }

    @Test
    void plainFormAccepted() {
        assertEquals(new RegistrationLine.Registration.Accepted("urn.dev_1:a"), parsed(plainPrefix, "ID= urn.dev_1:a \r"));
    }

    @Test
    void longestIdAccepted() {
        String id = "A".repeat(64);
        assertEquals(new RegistrationLine.Registration.Accepted(id), parsed(plainPrefix, "ID=" + id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAN 017", "VAN/017", "", "VAN-017\u0000", "\u00e9te"})
    void invalidIdRejected(String id) {
        RegistrationLine.Registration.Rejected rejected = assertInstanceOf(RegistrationLine.Registration.Rejected.class,
                parsed(plainPrefix, "ID=" + id));
        assertTrue(rejected.reason().contains("device id " + Excerpt.quote(id.strip())), rejected.reason());
        assertTrue(rejected.reason().contains("1 to 64 characters from A-Z, a-z, 0-9"), rejected.reason());
    }

    @Test
    void tooLongIdRejected() {
        String id = "A".repeat(65);
        RegistrationLine.Registration.Rejected rejected = assertInstanceOf(RegistrationLine.Registration.Rejected.class,
                parsed(plainPrefix, "ID=" + id));
        assertTrue(rejected.reason().contains(id), rejected.reason());
    }

    @Test
    void otherLinesPassedOn() {
        assertEquals(Optional.empty(), sentencePrefix.parse("$GPRMC,,V,,,,,,,,,,N*53"));
        assertEquals(Optional.empty(), sentencePrefix.parse("$RGRE"));
        assertEquals(Optional.empty(), plainPrefix.parse(""));
        assertEquals(Optional.empty(), plainPrefix.parse(null));
    }

    @Test
    void emptyPrefixRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RegistrationLine(""));
    }
}
