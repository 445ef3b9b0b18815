package org.rescuegrid.driver.osmand.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.PositionFix;

class OsmandDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final OsmandDecoder decoder = new OsmandDecoder(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void queryParametersOfTraccarClient() throws Exception {
        OsmandReport report = parameters("id=AMB-LHR-305&timestamp=1764842400&lat=31.5497&lon=74.3436&speed=10.8&bearing=270.5"
                + "&altitude=217&accuracy=12.0&hdop=0.9&batt=87");
        PositionFix fix = report.fix();

        assertEquals("AMB-LHR-305", report.deviceId());
        assertEquals(Instant.parse("2025-12-04T10:00:00Z"), fix.fixTime());
        assertEquals(31.5497, fix.latitude());
        assertEquals(74.3436, fix.longitude());
        assertEquals(10.8 * 1.852, fix.speedKmh(), 1e-9);
        assertEquals(270.5, fix.course());
        assertEquals(217.0, fix.altitude());
        assertEquals(0.9, fix.hdop());
        assertNull(fix.satellites());
        assertTrue(fix.valid());
        assertNull(report.alarm());
        assertNull(report.ignition());
    }

    @Test
    void locationParameterAndDeviceid() throws Exception {
        OsmandReport report = parameters("deviceid=phone-7&location=-33.8688,151.2093&heading=90&valid=0");

        assertEquals("phone-7", report.deviceId());
        assertEquals(-33.8688, report.fix().latitude());
        assertEquals(151.2093, report.fix().longitude());
        assertEquals(90.0, report.fix().course());
        assertFalse(report.fix().valid());
        assertEquals(NOW, report.fix().fixTime(), "without a timestamp the reception time is used");
    }

    @Test
    void timestampForms() throws Exception {
        assertEquals(Instant.parse("2025-12-04T10:00:00Z"), parameters("id=a&lat=1&lon=1&timestamp=1764842400").time());
        assertEquals(Instant.parse("2025-12-04T10:00:00.123Z"), parameters("id=a&lat=1&lon=1&timestamp=1764842400123").time());
        assertEquals(Instant.parse("2025-12-04T10:00:00Z"), parameters("id=a&lat=1&lon=1&timestamp=2025-12-04T15:00:00%2B05:00").time());
        assertEquals(Instant.parse("2025-12-04T10:00:00Z"), parameters("id=a&lat=1&lon=1&timestamp=2025-12-04+10:00:00").time());
    }

    @Test
    void alarmWithoutLocation() throws Exception {
        OsmandReport report = parameters("id=phone-7&alarm=sos&ignition=true");

        assertNull(report.fix());
        assertEquals("sos", report.alarm());
        assertEquals(Boolean.TRUE, report.ignition());
    }

    @Test
    void missingIdRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("lat=1&lon=2"));
        assertEquals("id", e.parameter());
        assertEquals("parameter 'id' is missing; send the device id, 1-64 letters, digits, '.', '_', ':' or '-'", e.getMessage());
    }

    @Test
    void emptyDeviceidNamed() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("deviceid=&lat=1&lon=2"));
        assertEquals("deviceid", e.parameter());
        assertEquals("parameter 'deviceid' is missing; send the device id, 1-64 letters, digits, '.', '_', ':' or '-'", e.getMessage());
    }

    @Test
    void invalidIdRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a%20b&lat=1&lon=2"));
        assertEquals("parameter 'id' = 'a b' is invalid; send 1-64 letters, digits, '.', '_', ':' or '-'", e.getMessage());
    }

    @Test
    void latitudeOutOfRangeRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a&lat=91&lon=2"));
        assertEquals("lat", e.parameter());
        assertEquals("parameter 'lat' = '91' is invalid; send a decimal number from -90 to 90", e.getMessage());
    }

    @Test
    void nonNumericLongitudeRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a&lat=1&lon=east"));
        assertEquals("parameter 'lon' = 'east' is invalid; send a decimal number from -180 to 180", e.getMessage());
    }

    @Test
    void nanRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a&lat=NaN&lon=1"));
        assertEquals("lat", e.parameter());
    }

    @Test
    void missingLongitudeRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a&lat=1"));
        assertEquals("parameter 'lon' is missing; send decimal degrees in 'lat' and 'lon', or 'location=LAT,LON'", e.getMessage());
    }

    @Test
    void badTimestampRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a&lat=1&lon=1&timestamp=yesterday"));
        assertEquals("timestamp", e.parameter());
        assertTrue(e.getMessage().startsWith("parameter 'timestamp' = 'yesterday' is invalid; send seconds or milliseconds"), e.getMessage());
    }

    @Test
    void badValidFlagRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a&lat=1&lon=1&valid=yes"));
        assertEquals("parameter 'valid' = 'yes' is invalid; send true, false, 1 or 0", e.getMessage());
    }

    @Test
    void badPercentEncodingRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parameters("id=a&lat=%ZZ"));
        assertEquals("query", e.parameter());
    }

    @Test
    void jsonBodyOfTraccarClient9() throws Exception {
        String body = """
                {"location": {"timestamp": "2026-12-04T09:59:58.500Z",
                  "coords": {"latitude": 33.6844, "longitude": 73.0479, "accuracy": 8, "speed": 12.5, "heading": 45.5, "altitude": 540},
                  "is_moving": true, "odometer": 1200, "event": "motionchange",
                  "battery": {"level": 0.64, "is_charging": false}, "activity": {"type": "in_vehicle"}, "extras": {}},
                 "device_id": "48241179"}
                """;

        List<OsmandReport> reports = decoder.fromJson(body);
        PositionFix fix = reports.get(0).fix();

        assertEquals(1, reports.size());
        assertEquals("48241179", fix.deviceId());
        assertEquals(Instant.parse("2026-12-04T09:59:58.500Z"), fix.fixTime());
        assertEquals(33.6844, fix.latitude());
        assertEquals(73.0479, fix.longitude());
        assertEquals(45.0, fix.speedKmh(), 1e-9);
        assertEquals(45.5, fix.course());
        assertEquals(540.0, fix.altitude());
        assertTrue(fix.valid());
    }

    @Test
    void jsonBatchWithUnmeasuredSpeed() throws Exception {
        String body = """
                {"device_id": "phone-7", "location": [
                  {"timestamp": "2026-12-04T09:00:00Z", "coords": {"latitude": 1.5, "longitude": 2.5, "speed": -1, "heading": -1}},
                  {"timestamp": "2026-12-04T09:00:10Z", "coords": {"latitude": 1.6, "longitude": 2.6, "speed": 2}}]}
                """;

        List<OsmandReport> reports = decoder.fromJson(body);

        assertEquals(2, reports.size());
        assertNull(reports.get(0).fix().speedKmh());
        assertNull(reports.get(0).fix().course());
        assertEquals(7.2, reports.get(1).fix().speedKmh(), 1e-9);
    }

    @Test
    void jsonWithoutCoordsRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> decoder.fromJson("{\"device_id\": \"a\", \"location\": {\"timestamp\": \"2026-12-04T09:00:00Z\"}}"));
        assertEquals("location.coords", e.parameter());
    }

    @Test
    void jsonLatitudeAsTextRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> decoder.fromJson("{\"device_id\": \"a\", \"location\": {\"coords\": {\"latitude\": \"north\", \"longitude\": 1}}}"));
        assertEquals("parameter 'location.coords.latitude' = '\"north\"' is invalid; send a JSON number from -90 to 90", e.getMessage());
    }

    @Test
    void malformedJsonRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> decoder.fromJson("{\"device_id\": "));
        assertEquals("body", e.parameter());
        assertTrue(e.getMessage().startsWith("request body is not valid JSON"), e.getMessage());
    }

    private OsmandReport parameters(String query) throws InvalidParameterException {
        return decoder.fromParameters(QueryString.parse(query));
    }
}
