package org.rescuegrid.driver.nmea.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rescuegrid.api.device.DeviceErrorKind;

/** Coordinate, time and date field parsing. */
class FieldParsersTest {

    private static FieldReader fields(String... values) {
        return new FieldReader("TST", List.of(values));
    }

    @ParameterizedTest
    @CsvSource({
            "4023.8600, N, 00339.1630, W, 40.397666666667, -3.652716666667",
            "2712.6404, S, 15303.1201, E, -27.210673333333, 153.052001666667",
            "0000.0000, N, 00000.0000, E, 0.0, 0.0",
            "9000.0000, S, 18000.0000, W, -90.0, -180.0",
            // Leading zeros of the degrees dropped.
            "512.3000, N, 312.3000, E, 5.205, 3.205",
            // No fraction digits.
            "3348, N, 11821, W, 33.8, -118.35",
    })
    void coordinatesParsed(String latitude, String northSouth, String longitude, String eastWest,
            double expectedLatitude, double expectedLongitude) throws SentenceException {
        Coordinates coordinates = CoordinateFields.parse(fields(latitude, northSouth, longitude, eastWest), 0);
        assertEquals(expectedLatitude, coordinates.latitude(), 1e-12);
        assertEquals(expectedLongitude, coordinates.longitude(), 1e-12);
    }

    @Test
    void emptyCoordinatesNull() throws SentenceException {
        assertNull(CoordinateFields.parse(fields("", "", "", ""), 0));
        assertNull(CoordinateFields.parse(fields(), 0), "fields beyond the end read as empty");
    }

    @ParameterizedTest
    @CsvSource({
            "9000.0001, N, 00000.0000, E, latitude '9000.0001'",
            "4023.8600, X, 00339.1630, W, latitude hemisphere 'X'",
            "4023.8600, N, 00339.1630, , longitude hemisphere",
            ", N, 00339.1630, W, latitude ''",
            "40238.600, N, 00339.1630, W, latitude '40238.600'",
            "4023.8600, N, 180000.000, E, longitude '180000.000'",
            "4023.8600, N, 00360.0000, E, longitude '00360.0000'",
            "-4023.860, N, 00339.1630, E, latitude '-4023.860'",
    })
    void badCoordinatesRejected(String latitude, String northSouth, String longitude, String eastWest, String named) {
        SentenceException e = assertThrows(SentenceException.class, () -> CoordinateFields.parse(
                fields(nullToEmpty(latitude), nullToEmpty(northSouth), nullToEmpty(longitude), nullToEmpty(eastWest)), 0));
        assertEquals(DeviceErrorKind.UNPARSEABLE, e.kind());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "081411.000, 08:14:11",
            "214350, 21:43:50",
            "132819.60, 13:28:19.600",
            "095257.809, 09:52:57.809",
            "000000.5, 00:00:00.500",
            "235959.999999999, 23:59:59.999999999",
    })
    void timeParsed(String field, LocalTime expected) throws SentenceException {
        assertEquals(expected, DateTimeFields.time(fields(field), 0));
    }

    @ParameterizedTest
    @CsvSource({"240000", "236000", "235960", "2359", "12:34:56", "1234567", "123456.1234567890", "12345a"})
    void badTimeRejected(String field) {
        SentenceException e = assertThrows(SentenceException.class, () -> DateTimeFields.time(fields(field), 0));
        assertTrue(e.getMessage().contains("UTC time '" + field + "'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "050180, 1980-01-05",
            "311299, 1999-12-31",
            "010100, 2000-01-01",
            "290224, 2024-02-29",
            "311279, 2079-12-31",
            "261002, 2002-10-26",
    })
    void twoDigitYearPivot(String field, LocalDate expected) throws SentenceException {
        assertEquals(expected, DateTimeFields.date(fields(field), 0));
    }

    @ParameterizedTest
    @CsvSource({"290223", "000124", "011324", "320124", "1224", "20240101"})
    void badDateRejected(String field) {
        SentenceException e = assertThrows(SentenceException.class, () -> DateTimeFields.date(fields(field), 0));
        assertTrue(e.getMessage().contains("date '" + field + "'"), e.getMessage());
    }

    @Test
    void emptyTimeAndDateNull() throws SentenceException {
        assertNull(DateTimeFields.time(fields(""), 0));
        assertNull(DateTimeFields.date(fields(""), 0));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
