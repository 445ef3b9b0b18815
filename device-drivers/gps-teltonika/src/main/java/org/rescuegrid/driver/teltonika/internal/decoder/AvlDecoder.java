package org.rescuegrid.driver.teltonika.internal.decoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Decodes the data of AVL packets in Codec 8 ({@code 0x08}) and Codec 8 Extended ({@code 0x8E}) as
 * Teltonika's protocol documentation describes them: big-endian numbers, times in milliseconds since
 * 1970 UTC, coordinates in 1e-7 degrees. Codec 8 Extended widens IO ids and counts to two bytes and adds
 * variable-length IO elements, which are skipped. It holds no state, so one instance serves every connection.
 */
public final class AvlDecoder {

    public static final int CODEC_8 = 0x08;
    public static final int CODEC_8_EXTENDED = 0x8E;
    private static final double UNITS_PER_DEGREE = 1e7;

    public AvlPacket decode(AvlFrame frame) throws TeltonikaDecodeException {
        Cursor cursor = new Cursor(frame.data());
        int codec = cursor.u8("codec id");
        if (codec != CODEC_8 && codec != CODEC_8_EXTENDED) {
            throw unparseable(String.format("codec 0x%02X is not supported; Codec 8 (0x08) and Codec 8 Extended (0x8E) are", codec));
        }
        boolean extended = codec == CODEC_8_EXTENDED;
        int count = cursor.u8("record count");
        if (count == 0) {
            throw unparseable("record count is 0");
        }
        List<AvlRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record(cursor, extended, i));
        }
        int countAgain = cursor.u8("second record count");
        if (countAgain != count) {
            throw unparseable("record counts differ: " + count + " before the records, " + countAgain + " after them");
        }
        if (cursor.remaining() != 0) {
            throw unparseable(cursor.remaining() + " bytes follow the second record count");
        }
        return new AvlPacket(codec, records);
    }

    private static AvlRecord record(Cursor cursor, boolean extended, int index) throws TeltonikaDecodeException {
        cursor.context = "record " + (index + 1);
        Instant time = Instant.ofEpochMilli(cursor.i64("timestamp"));
        int priority = cursor.u8("priority");
        double longitude = cursor.i32("longitude") / UNITS_PER_DEGREE;
        double latitude = cursor.i32("latitude") / UNITS_PER_DEGREE;
        int altitude = (short) cursor.u16("altitude");
        int angle = cursor.u16("angle");
        int satellites = cursor.u8("satellites");
        int speed = cursor.u16("speed");
        if (priority > 2) {
            throw unparseable(cursor.context + ": priority " + priority + " is not 0 (low), 1 (high) or 2 (panic)");
        }
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw unparseable(cursor.context + ": coordinates " + latitude + ", " + longitude + " are outside -90..90 and -180..180");
        }
        if (angle > 360) {
            throw unparseable(cursor.context + ": angle " + angle + " is above 360 degrees");
        }

        int eventIoId = extended ? cursor.u16("event IO id") : cursor.u8("event IO id");
        int total = extended ? cursor.u16("IO count") : cursor.u8("IO count");
        Map<Integer, Long> io = new HashMap<>();
        int read = 0;
        for (int size : new int[] {1, 2, 4, 8}) {
            int n = extended ? cursor.u16(size + "-byte IO count") : cursor.u8(size + "-byte IO count");
            for (int i = 0; i < n; i++) {
                int id = extended ? cursor.u16("IO id") : cursor.u8("IO id");
                io.put(id, cursor.value(size));
            }
            read += n;
        }
        if (extended) {
            int n = cursor.u16("variable-length IO count");
            for (int i = 0; i < n; i++) {
                cursor.u16("IO id");
                cursor.skip(cursor.u16("IO length"), "IO value");
            }
            read += n;
        }
        if (read != total) {
            throw unparseable(cursor.context + ": IO count " + total + " does not match the " + read + " IO elements that follow");
        }
        return new AvlRecord(time, priority, longitude, latitude, altitude, angle, satellites, speed, eventIoId, io);
    }

    private static TeltonikaDecodeException unparseable(String reason) {
        return new TeltonikaDecodeException(DeviceErrorKind.UNPARSEABLE, reason);
    }

    /** Reads big-endian numbers and names the field where the data ends too early. */
    private static final class Cursor {

        private final byte[] data;
        private int position;
        private String context = "header";

        Cursor(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return data.length - position;
        }

        int u8(String field) throws TeltonikaDecodeException {
            return (int) read(1, field);
        }

        int u16(String field) throws TeltonikaDecodeException {
            return (int) read(2, field);
        }

        int i32(String field) throws TeltonikaDecodeException {
            return (int) read(4, field);
        }

        long i64(String field) throws TeltonikaDecodeException {
            return read(8, field);
        }

        /** Reads an IO value: 1, 2 and 4 bytes unsigned, 8 bytes as a signed long. */
        long value(int size) throws TeltonikaDecodeException {
            return read(size, size + "-byte IO value");
        }

        void skip(int length, String field) throws TeltonikaDecodeException {
            require(length, field);
            position += length;
        }

        private long read(int size, String field) throws TeltonikaDecodeException {
            require(size, field);
            long value = 0;
            for (int i = 0; i < size; i++) {
                value = (value << 8) | (data[position++] & 0xFF);
            }
            return value;
        }

        private void require(int size, String field) throws TeltonikaDecodeException {
            if (remaining() < size) {
                throw unparseable(context + ": packet ends at byte " + data.length + " inside the " + field);
            }
        }
    }
}
