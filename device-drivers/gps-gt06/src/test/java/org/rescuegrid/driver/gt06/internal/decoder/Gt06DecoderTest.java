package org.rescuegrid.driver.gt06.internal.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.position.PositionFix;

class Gt06DecoderTest {

    private final Gt06Decoder decoder = new Gt06Decoder();

    @Test
    void loginFromDocument() throws Exception {
        Gt06Message.Login login = assertInstanceOf(Gt06Message.Login.class, decode(Frames.DOC_LOGIN));

        assertEquals("123456789012345", login.imei());
        assertEquals(1, login.serial());
    }

    @Test
    void loginWithTypeIdentifier() throws Exception {
        Gt06Message.Login login = assertInstanceOf(Gt06Message.Login.class, decode(Frames.LOGIN_WITH_TYPE));

        assertEquals("358739050313445", login.imei());
        assertEquals(0x19, login.serial());
    }

    @Test
    void locationFromDocument() throws Exception {
        Gt06Message.Location location = assertInstanceOf(Gt06Message.Location.class, decode(Frames.DOC_LOCATION));
        GpsData gps = location.gps();

        assertEquals(Instant.parse("2011-08-29T17:46:16Z"), gps.time());
        assertEquals(15, gps.satellites());
        // 0x027AC7EB and 0x0C465849 in units of 1/30000 minute.
        assertEquals(23.1116683, gps.latitude(), 1e-7);
        assertEquals(114.4092850, gps.longitude(), 1e-7);
        assertEquals(0, gps.speedKmh());
        assertEquals(143, gps.course());
        assertTrue(gps.positioned());
        assertFalse(gps.differential());
        assertEquals(3, location.serial());
    }

    @Test
    void locationBecomesValidFix() throws Exception {
        Gt06Message.Location location = (Gt06Message.Location) decode(Frames.DOC_LOCATION);

        PositionFix fix = location.gps().toFix("123456789012345");

        assertEquals("123456789012345", fix.deviceId());
        assertEquals(Instant.parse("2011-08-29T17:46:16Z"), fix.fixTime());
        assertEquals(23.1116683, fix.latitude(), 1e-7);
        assertEquals(114.4092850, fix.longitude(), 1e-7);
        assertEquals(0.0, fix.speedKmh());
        assertEquals(143.0, fix.course());
        assertEquals(15, fix.satellites());
        assertEquals(null, fix.altitude());
        assertEquals(null, fix.hdop());
        assertTrue(fix.valid());
    }

    @Test
    void alarmFromDocument() throws Exception {
        Gt06Message.Alarm alarm = assertInstanceOf(Gt06Message.Alarm.class, decode(Frames.DOC_ALARM));
        GpsData gps = alarm.gps();
        TerminalStatus status = alarm.status();

        assertEquals(Instant.parse("2011-11-15T14:36:29Z"), gps.time());
        assertEquals(15, gps.satellites());
        assertEquals(23.1117550, gps.latitude(), 1e-7);
        assertEquals(114.4092300, gps.longitude(), 1e-7);
        assertEquals(0, gps.speedKmh());
        assertEquals(2, gps.course());
        assertTrue(gps.positioned());
        assertEquals(0x65, status.terminalInfo());
        assertEquals(TerminalStatus.STATE_SOS, status.alarmState());
        assertTrue(status.gpsTracking());
        assertTrue(status.charging());
        assertTrue(status.defenceArmed());
        assertFalse(status.ignitionOn());
        assertFalse(status.oilAndElectricityCut());
        assertEquals(6, status.voltageLevel());
        assertEquals(4, status.gsmSignal());
        assertEquals(TerminalStatus.ALARM_SOS, status.alarm());
        assertEquals(1, status.language());
        assertEquals(0x36, alarm.serial());
    }

    @Test
    void statusPacket() throws Exception {
        Gt06Message.Status message = assertInstanceOf(Gt06Message.Status.class, decode(Frames.STATUS));
        TerminalStatus status = message.status();

        assertEquals(0x44, status.terminalInfo());
        assertTrue(status.gpsTracking());
        assertTrue(status.charging());
        assertFalse(status.ignitionOn());
        assertEquals(TerminalStatus.STATE_NORMAL, status.alarmState());
        assertEquals(1, status.voltageLevel());
        assertEquals(4, status.gsmSignal());
        assertEquals(TerminalStatus.ALARM_NONE, status.alarm());
        assertEquals(1, status.language());
        assertEquals(5, message.serial());
    }

    @Test
    void southWestHemisphere() throws Exception {
        // Buenos Aires, 34.6 S 58.4 W: course-status 0x1800 sets "positioned" and "west" and leaves "north" clear.
        byte[] content = gpsContent(34.6, 58.4, 0x1800 | 270, 42);
        Gt06Message.Location location = (Gt06Message.Location) decoder.decode(Gt06Frames.parse(Frames.frame(0x12, content, 9)));

        assertEquals(-34.6, location.gps().latitude(), 1e-6);
        assertEquals(-58.4, location.gps().longitude(), 1e-6);
        assertEquals(270, location.gps().course());
        assertEquals(42, location.gps().speedKmh());
    }

    @Test
    void gt06nLocationPacket() throws Exception {
        byte[] content = gpsContent(31.5204, 74.3587, 0x1400 | 90, 60);
        Gt06Message.Location location = (Gt06Message.Location) decoder.decode(Gt06Frames.parse(Frames.frame(0x22, content, 10)));

        assertEquals(31.5204, location.gps().latitude(), 1e-6);
        assertEquals(74.3587, location.gps().longitude(), 1e-6);
    }

    @Test
    void rejectsTerminalIdThatIsNotBcd() {
        byte[] frame = Frames.frame(0x01, Frames.hex("0123456789ABCDEF"), 1);

        Gt06DecodeException e = assertThrows(Gt06DecodeException.class, () -> decoder.decode(Gt06Frames.parse(frame)));
        assertEquals(DeviceErrorKind.UNPARSEABLE, e.kind());
        assertEquals("terminal id byte 5 is 0xAB, not two BCD digits", e.getMessage());
    }

    @Test
    void rejectsInvalidDate() {
        byte[] content = gpsContent(31.5, 74.3, 0x1400, 0);
        content[1] = 13;

        Gt06DecodeException e = assertThrows(Gt06DecodeException.class, () -> decoder.decode(Gt06Frames.parse(Frames.frame(0x12, content, 1))));
        assertEquals("date and time 11-13-29 17:46:16 is not a valid UTC time", e.getMessage());
    }

    @Test
    void rejectsLatitudeAbove90() {
        byte[] content = gpsContent(31.5, 74.3, 0x1400, 0);
        content[7] = (byte) 0xFF;

        Gt06DecodeException e = assertThrows(Gt06DecodeException.class, () -> decoder.decode(Gt06Frames.parse(Frames.frame(0x12, content, 1))));
        assertTrue(e.getMessage().startsWith("latitude 2"), e.getMessage());
    }

    @Test
    void rejectsCourseAbove360() {
        byte[] content = gpsContent(31.5, 74.3, 0x1400 | 361, 0);

        Gt06DecodeException e = assertThrows(Gt06DecodeException.class, () -> decoder.decode(Gt06Frames.parse(Frames.frame(0x12, content, 1))));
        assertEquals("course 361 is above 360 degrees", e.getMessage());
    }

    @Test
    void rejectsShortLocation() {
        Gt06DecodeException e = assertThrows(Gt06DecodeException.class,
                () -> decoder.decode(Gt06Frames.parse(Frames.frame(0x12, new byte[17], 1))));
        assertEquals("location packet has 17 content bytes, at least 18 are needed", e.getMessage());
    }

    @Test
    void rejectsAlarmWithStatusCutOff() {
        byte[] alarm = Frames.hex(Frames.DOC_ALARM);
        byte[] content = java.util.Arrays.copyOfRange(alarm, 4, alarm.length - 6 - 1);

        Gt06DecodeException e = assertThrows(Gt06DecodeException.class, () -> decoder.decode(Gt06Frames.parse(Frames.frame(0x16, content, 1))));
        assertEquals("status packet has 31 content bytes, at least 32 are needed", e.getMessage());
    }

    @Test
    void rejectsUnsupportedProtocol() {
        Gt06DecodeException e = assertThrows(Gt06DecodeException.class, () -> decoder.decode(Gt06Frames.parse(Frames.frame(0x8A, new byte[0], 1))));
        assertEquals(DeviceErrorKind.UNPARSEABLE, e.kind());
        assertEquals("protocol number 0x8A is not supported", e.getMessage());
    }

    @Test
    void rejectsBadCrc() {
        byte[] frame = Frames.hex(Frames.DOC_LOCATION);
        frame[10] ^= 0x01;

        Gt06DecodeException e = assertThrows(Gt06DecodeException.class, () -> Gt06Frames.parse(frame));
        assertEquals(DeviceErrorKind.BAD_CHECKSUM, e.kind());
        assertTrue(e.getMessage().startsWith("CRC 0x8081 does not match the computed 0x"), e.getMessage());
    }

    private Gt06Message decode(String hex) throws Gt06DecodeException {
        return decoder.decode(Gt06Frames.parse(Frames.hex(hex)));
    }

    /** Builds the 18-byte GPS block of 2011-08-29 17:46:16 UTC with 12 satellites, plus an LBS block. */
    static byte[] gpsContent(double latitude, double longitude, int courseStatus, int speedKmh) {
        long lat = Math.round(latitude * 1_800_000);
        long lon = Math.round(longitude * 1_800_000);
        return new byte[] {11, 8, 29, 17, 46, 16, (byte) 0xCC,
            (byte) (lat >>> 24), (byte) (lat >>> 16), (byte) (lat >>> 8), (byte) lat,
            (byte) (lon >>> 24), (byte) (lon >>> 16), (byte) (lon >>> 8), (byte) lon,
            (byte) speedKmh, (byte) (courseStatus >>> 8), (byte) courseStatus,
            0x01, (byte) 0x9A, 0x01, 0x1F, 0x40, 0x00, 0x12, 0x34};
    }
}
