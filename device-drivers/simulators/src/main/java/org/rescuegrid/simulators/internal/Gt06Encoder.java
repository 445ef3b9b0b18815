package org.rescuegrid.simulators.internal;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Turns the epochs of an NMEA log into what a GT06 tracker sends: a login packet with its IMEI, then one
 * GPS location packet (protocol 0x12) per epoch with a valid RMC. The layout is that of the Concox GT06
 * protocol document (version 1.8). Satellites come from the epoch's GGA, when it has one. Public for the
 * load harness in the benchmarks module; one instance serves one connection because it numbers its packets.
 */
public final class Gt06Encoder {

    private static final double KMH_PER_KNOT = 1.852;

    private int serial;

    /** Returns the login packet of a 15-digit IMEI, which is BCD-coded after one padding zero. */
    public byte[] login(String imei) {
        String digits = "0" + imei;
        byte[] content = new byte[8];
        for (int i = 0; i < 8; i++) {
            content[i] = (byte) (((digits.charAt(2 * i) - '0') << 4) | (digits.charAt(2 * i + 1) - '0'));
        }
        return frame(0x01, content);
    }

    /** Returns the location packet of the epoch's valid RMC, or an empty array when it has none. */
    byte[] location(List<byte[]> lines) {
        return EpochFix.of(lines).map(this::location).orElse(new byte[0]);
    }

    /** Returns the location packet of a fix. GT06 carries at most 15 satellites and 255 km/h. */
    public byte[] location(EpochFix fix) {
        int satellites = Math.min(15, fix.satellites());
        int speed = (int) Math.min(255, Math.round(fix.speedKnots() * KMH_PER_KNOT));
        long lat = Math.round(Math.abs(fix.latitude()) * 1_800_000);
        long lon = Math.round(Math.abs(fix.longitude()) * 1_800_000);
        int courseStatus = 0x1000 | (fix.latitude() >= 0 ? 0x0400 : 0) | (fix.longitude() < 0 ? 0x0800 : 0) | fix.course();
        ZonedDateTime utc = fix.time().atZone(ZoneOffset.UTC);
        byte[] content = {(byte) (utc.getYear() - 2000), (byte) utc.getMonthValue(), (byte) utc.getDayOfMonth(), (byte) utc.getHour(),
            (byte) utc.getMinute(), (byte) utc.getSecond(), (byte) (0xC0 | satellites),
            (byte) (lat >>> 24), (byte) (lat >>> 16), (byte) (lat >>> 8), (byte) lat,
            (byte) (lon >>> 24), (byte) (lon >>> 16), (byte) (lon >>> 8), (byte) lon,
            (byte) speed, (byte) (courseStatus >>> 8), (byte) courseStatus,
            0x01, (byte) 0x9A, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00};
        return frame(0x12, content);
    }

    private byte[] frame(int protocol, byte[] content) {
        serial = (serial + 1) & 0xFFFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 10);
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

    /** CRC-16/X-25, which the GT06 document calls CRC-ITU, over the length field to the serial number. */
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
}
