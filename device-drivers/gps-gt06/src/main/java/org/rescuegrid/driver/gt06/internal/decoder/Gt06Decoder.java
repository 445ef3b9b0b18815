package org.rescuegrid.driver.gt06.internal.decoder;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Decodes the content of checked GT06 packets. Field layouts follow the Concox "GT06 communication
 * protocol" document (version 1.8): all numbers big-endian, times in UTC, coordinates in units of
 * 1/30000 of a minute. It keeps no state, so one instance serves every connection.
 */
public final class Gt06Decoder {

    public static final int LOGIN = 0x01;
    public static final int LOCATION = 0x12;
    public static final int STATUS = 0x13;
    public static final int ALARM = 0x16;
    public static final int LOCATION_GT06N = 0x22;

    /** Date and time 6, GPS info 1, latitude 4, longitude 4, speed 1, course and status 2. */
    private static final int GPS_LENGTH = 18;
    private static final int TERMINAL_ID_LENGTH = 8;
    private static final int STATUS_LENGTH = 5;
    private static final double UNITS_PER_DEGREE = 30000.0 * 60;

    public Gt06Message decode(Gt06Packet packet) throws Gt06DecodeException {
        return switch (packet.protocol()) {
            case LOGIN -> new Gt06Message.Login(terminalId(packet), packet.serial());
            case LOCATION, LOCATION_GT06N -> new Gt06Message.Location(gps(packet), packet.serial());
            case STATUS -> new Gt06Message.Status(status(packet, 0), packet.serial());
            case ALARM -> alarm(packet);
            default -> throw unparseable(String.format("protocol number 0x%02X is not supported", packet.protocol()));
        };
    }

    private static String terminalId(Gt06Packet packet) throws Gt06DecodeException {
        requireLength(packet, TERMINAL_ID_LENGTH, "login");
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < TERMINAL_ID_LENGTH; i++) {
            int value = packet.unsignedByte(i);
            int high = value >>> 4;
            int low = value & 0x0F;
            if (high > 9 || low > 9) {
                throw unparseable(String.format("terminal id byte %d is 0x%02X, not two BCD digits", i, value));
            }
            digits.append((char) ('0' + high)).append((char) ('0' + low));
        }
        // Sixteen BCD digits carry a 15-digit IMEI after one padding zero.
        return digits.charAt(0) == '0' ? digits.substring(1) : digits.toString();
    }

    private static GpsData gps(Gt06Packet packet) throws Gt06DecodeException {
        requireLength(packet, GPS_LENGTH, "location");
        LocalDateTime time;
        try {
            time = LocalDateTime.of(2000 + packet.unsignedByte(0), packet.unsignedByte(1), packet.unsignedByte(2),
                    packet.unsignedByte(3), packet.unsignedByte(4), packet.unsignedByte(5));
        } catch (DateTimeException e) {
            throw unparseable(String.format("date and time %02d-%02d-%02d %02d:%02d:%02d is not a valid UTC time", packet.unsignedByte(0),
                    packet.unsignedByte(1), packet.unsignedByte(2), packet.unsignedByte(3), packet.unsignedByte(4), packet.unsignedByte(5)));
        }
        int satellites = packet.unsignedByte(6) & 0x0F;
        double latitude = packet.unsignedInt(7) / UNITS_PER_DEGREE;
        double longitude = packet.unsignedInt(11) / UNITS_PER_DEGREE;
        int speed = packet.unsignedByte(15);
        int courseStatus = packet.unsignedShort(16);
        int course = courseStatus & 0x03FF;
        if (latitude > 90) {
            throw unparseable("latitude " + latitude + " is above 90 degrees");
        }
        if (longitude > 180) {
            throw unparseable("longitude " + longitude + " is above 180 degrees");
        }
        if (course > 360) {
            throw unparseable("course " + course + " is above 360 degrees");
        }
        boolean north = (courseStatus & 0x0400) != 0;
        boolean west = (courseStatus & 0x0800) != 0;
        boolean positioned = (courseStatus & 0x1000) != 0;
        boolean differential = (courseStatus & 0x2000) != 0;
        return new GpsData(time.toInstant(ZoneOffset.UTC), satellites, north ? latitude : -latitude, west ? -longitude : longitude, speed,
                course, positioned, differential);
    }

    private static Gt06Message alarm(Gt06Packet packet) throws Gt06DecodeException {
        GpsData gps = gps(packet);
        requireLength(packet, GPS_LENGTH + 1, "alarm");
        // The LBS length counts itself; its block (MCC, MNC, LAC, cell id) is not used.
        int lbsLength = packet.unsignedByte(GPS_LENGTH);
        if (lbsLength < 1) {
            throw unparseable("LBS length is 0; it counts itself, so it is at least 1");
        }
        return new Gt06Message.Alarm(gps, status(packet, GPS_LENGTH + lbsLength), packet.serial());
    }

    private static TerminalStatus status(Gt06Packet packet, int offset) throws Gt06DecodeException {
        requireLength(packet, offset + STATUS_LENGTH, "status");
        return new TerminalStatus(packet.unsignedByte(offset), packet.unsignedByte(offset + 1), packet.unsignedByte(offset + 2),
                packet.unsignedByte(offset + 3), packet.unsignedByte(offset + 4));
    }

    private static void requireLength(Gt06Packet packet, int length, String type) throws Gt06DecodeException {
        if (packet.length() < length) {
            throw unparseable(type + " packet has " + packet.length() + " content bytes, at least " + length + " are needed");
        }
    }

    private static Gt06DecodeException unparseable(String reason) {
        return new Gt06DecodeException(DeviceErrorKind.UNPARSEABLE, reason);
    }
}
