package org.rescuegrid.driver.teltonika.internal.decoder;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Test packets: the Codec 8 and Codec 8 Extended examples of Teltonika's "Codec" documentation page
 * (their CRCs check), and a builder for records of our own with real coordinates.
 */
public final class AvlFrames {

    /** Codec 8, one record of 2019-06-10 10:04:46 UTC, five IO elements. */
    public static final String DOC_CODEC8_FIRST = "000000000000003608010000016B40D8EA30010000000000000000000000000000000105021503010101425E0F01F10000601A014E0000000000000000010000C7CF";
    /** Codec 8, one record of 2019-06-10 10:05:36 UTC, three IO elements. */
    public static final String DOC_CODEC8_SECOND = "000000000000002808010000016B40D9AD80010000000000000000000000000000000103021503010101425E100000010000F22A";
    /** Codec 8, two records of 2019-06-10 10:01:01 and 10:01:19 UTC. */
    public static final String DOC_CODEC8_TWO_RECORDS = "000000000000004308020000016B40D57B480100000000000000000000000000000001010101000000000000016B40D5C198010000000000000000000000000000000101010101000000020000252C";
    /** Codec 8 Extended, one record of 2019-06-10 11:36:32 UTC, five IO elements with two-byte ids. */
    public static final String DOC_CODEC8E = "000000000000004A8E010000016B412CEE000100000000000000000000000000000000010005000100010100010011001D00010010015E2C880002000B000000003544C87A000E000000001DD7E06A00000100002994";
    /**
     * UDP channel, Codec 8: the "Codec" page's example datagram, packet id 0xCAFE, AVL packet id 0x05,
     * IMEI 352093086403655, one record of 2019-06-13 06:23:26 UTC with three IO elements.
     */
    public static final String DOC_UDP_CODEC8 = "003DCAFE0105000F33353230393330383634303336353508010000016B4F815B30010000000000000000000000000000000103021503010101425DBC000001";
    /** The page's acknowledgement of {@link #DOC_UDP_CODEC8}: packet id 0xCAFE, AVL packet id 0x05, one record accepted. */
    public static final String DOC_UDP_ACKNOWLEDGEMENT = "0005CAFE010501";

    /** IMEI handshake of 356307042441013. */
    public static final String IMEI_HANDSHAKE = "000F333536333037303432343431303133";

    private AvlFrames() {
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.toLowerCase());
    }

    /** Wraps AVL data (codec id to second record count) into a TCP packet with preamble, length and CRC. */
    public static byte[] packet(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, 0);
        writeInt(out, data.length);
        out.writeBytes(data);
        writeInt(out, Crc16Ibm.compute(data, 0, data.length));
        return out.toByteArray();
    }

    /** Wraps AVL data (codec id to second record count) into a UDP datagram of the given ids and IMEI. */
    public static byte[] datagram(int packetId, int avlPacketId, String imei, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, 6 + imei.length() + data.length);
        writeShort(out, packetId);
        out.write(0x01);
        out.write(avlPacketId);
        writeShort(out, imei.length());
        out.writeBytes(imei.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Recomputes the CRC of a TCP packet in place, so that a mutated packet reaches the AVL decoder. */
    public static void fixCrc(byte[] packet) {
        if (packet.length < 12) {
            return;
        }
        int crc = Crc16Ibm.compute(packet, 8, packet.length - 12);
        packet[packet.length - 2] = (byte) (crc >>> 8);
        packet[packet.length - 1] = (byte) crc;
    }

    /**
     * Builds Codec 8 data with one record at the given place whose event IO element is the one given.
     *
     * @param priority 0 low, 1 high, 2 panic
     */
    public static byte[] codec8Record(long timeMillis, int priority, double latitude, double longitude, int speed, int satellites,
            int eventIoId, int eventValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x08);
        out.write(1);
        writeLong(out, timeMillis);
        out.write(priority);
        writeInt(out, (int) Math.round(longitude * 1e7));
        writeInt(out, (int) Math.round(latitude * 1e7));
        writeShort(out, 217);
        writeShort(out, 182);
        out.write(satellites);
        writeShort(out, speed);
        out.write(eventIoId);
        out.write(2);
        out.write(2);
        out.write(eventIoId);
        out.write(eventValue);
        out.write(182);
        out.write(9);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(1);
        return out.toByteArray();
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
