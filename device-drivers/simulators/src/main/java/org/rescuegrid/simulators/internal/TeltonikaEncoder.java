package org.rescuegrid.simulators.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the epochs of an NMEA log into what a Teltonika tracker sends over TCP: the IMEI handshake, then one
 * AVL data packet of one periodic record per epoch with a valid RMC. The layout is Codec 8 or Codec 8 Extended
 * as Teltonika's data sending protocols documentation gives it. Each record carries the IO elements an FMB
 * tracker sends with every record: ignition (239), movement (240), GNSS HDOP (182, in 0.1) and external
 * voltage (66, in mV). Public for the load harness in the benchmarks module. It keeps no state.
 */
public final class TeltonikaEncoder {

    public static final int CODEC_8 = 0x08;
    public static final int CODEC_8_EXTENDED = 0x8E;

    private static final double KMH_PER_KNOT = 1.852;
    private static final int IO_IGNITION = 239;
    private static final int IO_MOVEMENT = 240;
    private static final int IO_HDOP = 182;
    private static final int IO_EXTERNAL_VOLTAGE = 66;
    /** External voltage reported in every record: a 12 V vehicle battery while the engine runs. */
    private static final int EXTERNAL_VOLTAGE_MILLIVOLTS = 13_800;

    private final int codec;

    /** Creates an encoder of Codec 8 ({@link #CODEC_8}) or Codec 8 Extended ({@link #CODEC_8_EXTENDED}) packets. */
    public TeltonikaEncoder(int codec) {
        if (codec != CODEC_8 && codec != CODEC_8_EXTENDED) {
            throw new IllegalArgumentException(String.format("codec 0x%02X is not supported; use 0x08 or 0x8E", codec));
        }
        this.codec = codec;
    }

    /** Returns the handshake: the IMEI's length as two bytes, then its digits in ASCII. */
    public byte[] handshake(String imei) {
        byte[] digits = imei.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length + 2);
        writeNumber(out, digits.length, 2);
        out.writeBytes(digits);
        return out.toByteArray();
    }

    /** Returns the AVL packet of the epoch's valid RMC, or an empty array when it has none. */
    byte[] location(List<byte[]> lines) {
        return EpochFix.of(lines).map(this::location).orElse(new byte[0]);
    }

    /** Returns an AVL data packet with one record of the fix: preamble, data length, data and CRC-16/IBM. */
    public byte[] location(EpochFix fix) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(80);
        data.write(codec);
        data.write(1);
        writeRecord(data, fix);
        data.write(1);
        byte[] body = data.toByteArray();

        ByteArrayOutputStream packet = new ByteArrayOutputStream(body.length + 12);
        writeNumber(packet, 0, 4);
        writeNumber(packet, body.length, 4);
        packet.writeBytes(body);
        writeNumber(packet, crc16Ibm(body), 4);
        return packet.toByteArray();
    }

    private void writeRecord(ByteArrayOutputStream out, EpochFix fix) {
        boolean extended = codec == CODEC_8_EXTENDED;
        int idSize = extended ? 2 : 1;
        int speedKmh = (int) Math.min(0xFFFF, Math.round(fix.speedKnots() * KMH_PER_KNOT));
        writeNumber(out, fix.time().toEpochMilli(), 8);
        out.write(0);
        writeNumber(out, Math.round(fix.longitude() * 1e7), 4);
        writeNumber(out, Math.round(fix.latitude() * 1e7), 4);
        writeNumber(out, Math.round(fix.altitude()), 2);
        writeNumber(out, fix.course(), 2);
        out.write(Math.min(255, fix.satellites()));
        writeNumber(out, speedKmh, 2);

        // Event IO id 0 marks a periodic record, so the driver stores it as a position and raises no event.
        writeNumber(out, 0, idSize);
        int hdop = fix.hdop() == null ? 0 : (int) Math.min(0xFFFF, Math.round(fix.hdop() * 10));
        writeNumber(out, 4, idSize);
        writeNumber(out, 2, idSize);
        writeNumber(out, IO_IGNITION, idSize);
        out.write(1);
        writeNumber(out, IO_MOVEMENT, idSize);
        out.write(speedKmh > 0 ? 1 : 0);
        writeNumber(out, 2, idSize);
        writeNumber(out, IO_HDOP, idSize);
        writeNumber(out, hdop, 2);
        writeNumber(out, IO_EXTERNAL_VOLTAGE, idSize);
        writeNumber(out, EXTERNAL_VOLTAGE_MILLIVOLTS, 2);
        writeNumber(out, 0, idSize);
        writeNumber(out, 0, idSize);
        if (extended) {
            writeNumber(out, 0, 2);
        }
    }

    private static void writeNumber(ByteArrayOutputStream out, long value, int size) {
        for (int shift = 8 * (size - 1); shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }

    /** CRC-16/IBM (polynomial 0x8005 reflected, initial value 0), as Teltonika's AVL packets carry it. */
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
}
