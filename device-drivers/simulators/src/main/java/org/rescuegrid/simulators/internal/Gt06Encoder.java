package org.rescuegrid.simulators.internal;

import java.io.ByteArrayOutputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the epochs of an NMEA log into what a GT06 tracker sends: a login packet with its IMEI, then one
 * GPS location packet (protocol 0x12) per epoch with a valid RMC. The layout is that of the Concox GT06
 * protocol document (version 1.8). Satellites come from the epoch's GGA, when it has one.
 */
final class Gt06Encoder {

    private static final Pattern COORDINATE = Pattern.compile("(\\d+)(\\d{2}(?:\\.\\d+)?)");
    private static final double KMH_PER_KNOT = 1.852;

    private int serial;

    /** Returns the login packet of a 15-digit IMEI, which is BCD-coded after one padding zero. */
    byte[] login(String imei) {
        String digits = "0" + imei;
        byte[] content = new byte[8];
        for (int i = 0; i < 8; i++) {
            content[i] = (byte) (((digits.charAt(2 * i) - '0') << 4) | (digits.charAt(2 * i + 1) - '0'));
        }
        return frame(0x01, content);
    }

    /** Returns the location packet of the epoch's valid RMC, or an empty array when it has none. */
    byte[] location(List<byte[]> lines) {
        Sentence rmc = null;
        int satellites = 0;
        for (byte[] line : lines) {
            for (Sentence sentence : Sentence.findAll(ReplayScript.text(line))) {
                if (!sentence.trusted()) {
                    continue;
                }
                if (sentence.type().equals("RMC") && sentence.field(2).equals("A") && rmc == null) {
                    rmc = sentence;
                } else if (sentence.type().equals("GGA") && sentence.field(7).matches("\\d{1,2}")) {
                    satellites = Math.min(15, Integer.parseInt(sentence.field(7)));
                }
            }
        }
        return rmc == null ? new byte[0] : encode(rmc, satellites).orElse(new byte[0]);
    }

    private Optional<byte[]> encode(Sentence rmc, int satellites) {
        Optional<Double> latitude = degrees(rmc.field(3), rmc.field(4), "N", "S");
        Optional<Double> longitude = degrees(rmc.field(5), rmc.field(6), "E", "W");
        Optional<ZonedDateTime> time = time(rmc.field(1), rmc.field(9));
        if (latitude.isEmpty() || longitude.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        int speed = (int) Math.min(255, Math.round(number(rmc.field(7)) * KMH_PER_KNOT));
        int course = (int) Math.round(number(rmc.field(8))) % 360;
        long lat = Math.round(Math.abs(latitude.get()) * 1_800_000);
        long lon = Math.round(Math.abs(longitude.get()) * 1_800_000);
        int courseStatus = 0x1000 | (latitude.get() >= 0 ? 0x0400 : 0) | (longitude.get() < 0 ? 0x0800 : 0) | course;
        ZonedDateTime utc = time.get();
        byte[] content = {(byte) (utc.getYear() - 2000), (byte) utc.getMonthValue(), (byte) utc.getDayOfMonth(), (byte) utc.getHour(),
            (byte) utc.getMinute(), (byte) utc.getSecond(), (byte) (0xC0 | satellites),
            (byte) (lat >>> 24), (byte) (lat >>> 16), (byte) (lat >>> 8), (byte) lat,
            (byte) (lon >>> 24), (byte) (lon >>> 16), (byte) (lon >>> 8), (byte) lon,
            (byte) speed, (byte) (courseStatus >>> 8), (byte) courseStatus,
            0x01, (byte) 0x9A, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00};
        return Optional.of(frame(0x12, content));
    }

    /** Returns a decimal field's value, or 0 when it is empty or malformed, as a tracker without a speed or course reports. */
    private static double number(String field) {
        try {
            return field.isEmpty() ? 0 : Math.abs(Double.parseDouble(field));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Double> degrees(String field, String hemisphere, String positive, String negative) {
        Matcher m = COORDINATE.matcher(field);
        if (!m.matches() || !(hemisphere.equals(positive) || hemisphere.equals(negative))) {
            return Optional.empty();
        }
        double value = Integer.parseInt(m.group(1)) + Double.parseDouble(m.group(2)) / 60;
        return Optional.of(hemisphere.equals(negative) ? -value : value);
    }

    private static Optional<ZonedDateTime> time(String hhmmss, String ddmmyy) {
        if (!hhmmss.matches("\\d{6}(\\.\\d+)?") || !ddmmyy.matches("\\d{6}")) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(2000 + Integer.parseInt(ddmmyy.substring(4)), Integer.parseInt(ddmmyy.substring(2, 4)),
                    Integer.parseInt(ddmmyy.substring(0, 2)));
            LocalTime time = LocalTime.of(Integer.parseInt(hhmmss.substring(0, 2)), Integer.parseInt(hhmmss.substring(2, 4)),
                    Math.min(59, Integer.parseInt(hhmmss.substring(4, 6))));
            return Optional.of(ZonedDateTime.of(date, time, ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
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
