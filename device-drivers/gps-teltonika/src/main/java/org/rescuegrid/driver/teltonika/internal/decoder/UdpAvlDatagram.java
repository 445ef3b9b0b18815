package org.rescuegrid.driver.teltonika.internal.decoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * One AVL datagram of Teltonika's UDP channel, as the "Codec" documentation page lays it out: a two-byte
 * length of the rest, a two-byte packet id, one byte the device sets to 0x01 and the server ignores, a
 * one-byte AVL packet id, a two-byte IMEI length, the IMEI in ASCII, then the AVL data from the codec id
 * to the second record count. Unlike TCP there is no preamble and no CRC, because UDP has a checksum.
 *
 * @param packetId the device's id of this datagram, echoed in the acknowledgement
 * @param avlPacketId the device's id of the AVL data, echoed in the acknowledgement
 * @param imei the device's IMEI as sent; the session checks its form
 * @param data the AVL data for {@link AvlDecoder}
 */
public record UdpAvlDatagram(int packetId, int avlPacketId, String imei, AvlFrame data) {

    /** Bytes before the IMEI: length, packet id, unused byte, AVL packet id and IMEI length. */
    static final int HEADER_LENGTH = 8;
    /** Longest IMEI field accepted; IMEIs have 15 digits, some trackers send 16 or 17. */
    static final int MAX_IMEI_LENGTH = 32;

    /**
     * Splits a datagram into its header fields and AVL data.
     *
     * @throws TeltonikaDecodeException when the datagram is longer than {@code maxLength}, shorter than its
     *         header, or its length fields disagree with its size
     */
    public static UdpAvlDatagram parse(byte[] datagram, int maxLength) throws TeltonikaDecodeException {
        if (datagram.length > maxLength) {
            throw new TeltonikaDecodeException(DeviceErrorKind.FRAME_TOO_LONG,
                    "datagram of " + datagram.length + " bytes exceeds maxFrameLength=" + maxLength);
        }
        if (datagram.length < HEADER_LENGTH) {
            throw unparseable("datagram of " + datagram.length + " bytes is shorter than the " + HEADER_LENGTH + "-byte UDP header");
        }
        int length = u16(datagram, 0);
        if (length != datagram.length - 2) {
            throw unparseable("length field " + length + " does not match the " + (datagram.length - 2) + " bytes that follow it");
        }
        int packetId = u16(datagram, 2);
        int avlPacketId = datagram[5] & 0xFF;
        int imeiLength = u16(datagram, 6);
        if (imeiLength == 0 || imeiLength > MAX_IMEI_LENGTH || HEADER_LENGTH + imeiLength >= datagram.length) {
            throw unparseable("IMEI length " + imeiLength + " is not 1-" + MAX_IMEI_LENGTH + " or leaves no AVL data in "
                    + datagram.length + " bytes");
        }
        String imei = new String(datagram, HEADER_LENGTH, imeiLength, StandardCharsets.US_ASCII);
        byte[] data = Arrays.copyOfRange(datagram, HEADER_LENGTH + imeiLength, datagram.length);
        return new UdpAvlDatagram(packetId, avlPacketId, imei, new AvlFrame(data));
    }

    /**
     * Returns the acknowledgement datagram: length 5, the packet id, 0x01, the AVL packet id and the number
     * of records accepted.
     */
    public byte[] acknowledgement(int acceptedRecords) {
        return new byte[] {0x00, 0x05, (byte) (packetId >>> 8), (byte) packetId, 0x01, (byte) avlPacketId, (byte) acceptedRecords};
    }

    private static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }

    private static TeltonikaDecodeException unparseable(String reason) {
        return new TeltonikaDecodeException(DeviceErrorKind.UNPARSEABLE, reason);
    }
}
