package org.rescuegrid.driver.gt06.internal.decoder;

import java.util.Arrays;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Layout of a GT06 frame. A short frame is {@code 78 78}, a one-byte length, the protocol number, the
 * content, a two-byte serial number, the CRC and {@code 0D 0A}; a long frame starts {@code 79 79} and has
 * a two-byte length. The length counts the bytes from the protocol number to the CRC inclusive.
 */
public final class Gt06Frames {

    public static final int SHORT_START = 0x78;
    public static final int LONG_START = 0x79;
    public static final int STOP_1 = 0x0D;
    public static final int STOP_2 = 0x0A;

    /** Protocol number, serial number and CRC: the least a length field can count. */
    public static final int MIN_LENGTH_FIELD = 5;

    private Gt06Frames() {
    }

    /** Returns the bytes before the length field's value starts counting: the start bytes and the length field. */
    public static int headerLength(int startByte) {
        return startByte == LONG_START ? 4 : 3;
    }

    /**
     * Checks the stop bytes and CRC of one whole frame and returns its packet.
     *
     * @param frame the frame from its start bytes to its stop bytes
     */
    public static Gt06Packet parse(byte[] frame) throws Gt06DecodeException {
        int header = headerLength(frame[0] & 0xFF);
        int length = frame.length - header - 2;
        if (length < MIN_LENGTH_FIELD) {
            throw new Gt06DecodeException(DeviceErrorKind.UNPARSEABLE,
                    "length field " + length + " is below the minimum of " + MIN_LENGTH_FIELD);
        }
        int crcOffset = frame.length - 4;
        int expected = ((frame[crcOffset] & 0xFF) << 8) | (frame[crcOffset + 1] & 0xFF);
        int actual = Crc16Itu.compute(frame, 2, crcOffset - 2);
        if (expected != actual) {
            throw new Gt06DecodeException(DeviceErrorKind.BAD_CHECKSUM,
                    String.format("CRC 0x%04X does not match the computed 0x%04X", expected, actual));
        }
        int protocol = frame[header] & 0xFF;
        byte[] content = Arrays.copyOfRange(frame, header + 1, crcOffset - 2);
        int serial = ((frame[crcOffset - 2] & 0xFF) << 8) | (frame[crcOffset - 1] & 0xFF);
        return new Gt06Packet(protocol, content, serial);
    }

    /** Builds the server's reply to a packet: a short frame with the packet's protocol number and serial and no content. */
    public static byte[] reply(int protocol, int serial) {
        byte[] frame = {(byte) SHORT_START, (byte) SHORT_START, 0x05, (byte) protocol, (byte) (serial >>> 8), (byte) serial, 0, 0,
                (byte) STOP_1, (byte) STOP_2};
        int crc = Crc16Itu.compute(frame, 2, 4);
        frame[6] = (byte) (crc >>> 8);
        frame[7] = (byte) crc;
        return frame;
    }
}
