package org.rescuegrid.itest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Frames of the GT06 and Teltonika protocols, built as the trackers send them, so a test can play a
 * tracker. The layouts are those the drivers' READMEs describe.
 */
final class TrackerFrames {

    private TrackerFrames() {
    }

    /** GT06 login of a 15-digit IMEI, BCD-coded after one padding zero. */
    static byte[] gt06Login(String imei, int serial) {
        String digits = "0" + imei;
        byte[] content = new byte[8];
        for (int i = 0; i < 8; i++) {
            content[i] = (byte) (((digits.charAt(2 * i) - '0') << 4) | (digits.charAt(2 * i + 1) - '0'));
        }
        return gt06Frame(0x01, content, serial);
    }

    /** GT06 location (0x12) at the given place, positioned, 9 satellites. */
    static byte[] gt06Location(Instant time, double latitude, double longitude, int speedKmh, int serial) {
        return gt06Frame(0x12, gps(time, latitude, longitude, speedKmh), serial);
    }

    /** GT06 SOS alarm (0x16) at the given place, ignition on. */
    static byte[] gt06SosAlarm(Instant time, double latitude, double longitude, int serial) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(gps(time, latitude, longitude, 0));
        out.writeBytes(new byte[] {0x09, 0x01, (byte) 0x9A, 0x01, 0x1F, 0x40, 0x00, 0x12, 0x34});
        out.writeBytes(new byte[] {0x62, 0x05, 0x04, 0x01, 0x02});
        return gt06Frame(0x16, out.toByteArray(), serial);
    }

    /** GT06 status (0x13) with the ignition on or off and no alarm. */
    static byte[] gt06Status(boolean ignitionOn, int serial) {
        return gt06Frame(0x13, new byte[] {(byte) (ignitionOn ? 0x46 : 0x44), 0x05, 0x04, 0x00, 0x02}, serial);
    }

    static byte[] gt06Reply(int protocol, int serial) {
        return gt06Frame(protocol, new byte[0], serial);
    }

    /** Teltonika IMEI handshake. */
    static byte[] teltonikaHandshake(String imei) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(imei.length());
        out.writeBytes(imei.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Teltonika Codec 8 packet of one record per time, 11 satellites; the first record's event IO id is 239 (ignition) with value 1. */
    static byte[] teltonikaPacket(Instant[] times, double latitude, double longitude) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(0x08);
        data.write(times.length);
        for (int i = 0; i < times.length; i++) {
            writeLong(data, times[i].toEpochMilli());
            data.write(0);
            writeInt(data, (int) Math.round((longitude + i * 0.001) * 1e7));
            writeInt(data, (int) Math.round(latitude * 1e7));
            writeShort(data, 215);
            writeShort(data, 90);
            data.write(11);
            writeShort(data, 36);
            data.write(i == 0 ? 239 : 0);
            data.write(1);
            data.write(1);
            data.write(239);
            data.write(1);
            data.write(0);
            data.write(0);
            data.write(0);
        }
        data.write(times.length);
        byte[] body = data.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, 0);
        writeInt(out, body.length);
        out.writeBytes(body);
        writeInt(out, crc16Ibm(body));
        return out.toByteArray();
    }

    private static byte[] gps(Instant time, double latitude, double longitude, int speedKmh) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        long lat = Math.round(Math.abs(latitude) * 1_800_000);
        long lon = Math.round(Math.abs(longitude) * 1_800_000);
        int courseStatus = 0x1000 | (latitude >= 0 ? 0x0400 : 0) | (longitude < 0 ? 0x0800 : 0) | 45;
        return new byte[] {(byte) (utc.getYear() - 2000), (byte) utc.getMonthValue(), (byte) utc.getDayOfMonth(), (byte) utc.getHour(),
            (byte) utc.getMinute(), (byte) utc.getSecond(), (byte) 0xC9,
            (byte) (lat >>> 24), (byte) (lat >>> 16), (byte) (lat >>> 8), (byte) lat,
            (byte) (lon >>> 24), (byte) (lon >>> 16), (byte) (lon >>> 8), (byte) lon,
            (byte) speedKmh, (byte) (courseStatus >>> 8), (byte) courseStatus};
    }

    private static byte[] gt06Frame(int protocol, byte[] content, int serial) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x78);
        out.write(content.length + 5);
        out.write(protocol);
        out.writeBytes(content);
        out.write(serial >>> 8);
        out.write(serial);
        byte[] body = out.toByteArray();
        int crc = crcItu(body, 2, body.length - 2);
        out.write(crc >>> 8);
        out.write(crc);
        out.write(0x0D);
        out.write(0x0A);
        return out.toByteArray();
    }

    /** CRC-16/X-25, the GT06 document's CRC-ITU. */
    private static int crcItu(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFF;
    }

    private static int crc16Ibm(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        writeShort(out, value >>> 16);
        writeShort(out, value & 0xFFFF);
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        writeInt(out, (int) (value >>> 32));
        writeInt(out, (int) value);
    }
}
