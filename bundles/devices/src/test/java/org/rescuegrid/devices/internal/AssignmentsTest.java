package org.rescuegrid.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssignmentsTest {

    private static List<Map.Entry<String, String>> parse(String... entries) {
        return List.copyOf(Assignments.parse(entries).entrySet());
    }

    @Test
    void commaSeparatedInOneEntry() {
        assertEquals(List.of(Map.entry("TRK-LHR-01", "AMB-LHR-101"), Map.entry("TRK-LHR-02", "AMB-LHR-102")),
                parse("TRK-LHR-01=AMB-LHR-101, TRK-LHR-02 = AMB-LHR-102"));
    }

    @Test
    void arrayEntries() {
        assertEquals(List.of(Map.entry("TRK-LHR-01", "AMB-LHR-101"), Map.entry("TRK-KHI-01", "FIRE-KHI-01")),
                parse("TRK-LHR-01=AMB-LHR-101", " TRK-KHI-01=FIRE-KHI-01 "));
    }

    @Test
    void arrayEntriesWithCommas() {
        assertEquals(List.of(Map.entry("A", "V1"), Map.entry("B", "V2"), Map.entry("C", "V3")),
                parse("A=V1,B=V2", "C=V3"));
    }

    @Test
    void blankEntriesSkipped() {
        assertEquals(List.of(Map.entry("TRK-LHR-01", "AMB-LHR-101")), parse("", " , ", "TRK-LHR-01=AMB-LHR-101,"));
    }

    @Test
    void noEntries() {
        assertEquals(Map.of(), Assignments.parse(null));
        assertEquals(Map.of(), Assignments.parse(new String[0]));
    }

    @Test
    void allIdCharactersAccepted() {
        assertEquals(List.of(Map.entry("nmea:5010_a.b-c", "AMB.LHR_101:x")), parse("nmea:5010_a.b-c=AMB.LHR_101:x"));
    }

    @Test
    void missingEqualsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assignments.parse(new String[] {"TRK-LHR-01=AMB-LHR-101, TRK-LHR-02"}));

        assertTrue(e.getMessage().contains("TRK-LHR-02' is invalid because it has no '='"), e.getMessage());
        assertTrue(e.getMessage().contains("DEVICE_ID=VEHICLE_ID"), e.getMessage());
    }

    static Stream<Arguments> badIds() {
        return Stream.of(
                Arguments.of("TRK LHR=AMB-LHR-101"),
                Arguments.of("=AMB-LHR-101"),
                Arguments.of("TRK-LHR-01="),
                Arguments.of("TRK-LHR-01=AMB=101"),
                Arguments.of("TRK/LHR=AMB-LHR-101"),
                Arguments.of("T".repeat(65) + "=AMB-LHR-101"),
                Arguments.of("TRK-LHR-01=" + "A".repeat(65)));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void badIdRejected(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Assignments.parse(new String[] {entry}));

        assertTrue(e.getMessage().contains("entry '" + entry + "' is invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("1-64 characters"), e.getMessage());
    }

    @Test
    void longestIdsAccepted() {
        String device = "T".repeat(64);
        String vehicle = "A".repeat(64);

        assertEquals(List.of(Map.entry(device, vehicle)), parse(device + "=" + vehicle));
    }

    @Test
    void duplicateDeviceRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assignments.parse(new String[] {"TRK-LHR-01=AMB-LHR-101", "TRK-LHR-01=AMB-LHR-102"}));

        assertTrue(e.getMessage().contains("'TRK-LHR-01=AMB-LHR-102'"), e.getMessage());
        assertTrue(e.getMessage().contains("device TRK-LHR-01 is assigned twice"), e.getMessage());
    }

    @Test
    void duplicateDeviceInOneEntryRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assignments.parse(new String[] {"TRK-LHR-01=AMB-LHR-101,TRK-LHR-01=AMB-LHR-101"}));

        assertTrue(e.getMessage().contains("assigned twice"), e.getMessage());
    }
}
