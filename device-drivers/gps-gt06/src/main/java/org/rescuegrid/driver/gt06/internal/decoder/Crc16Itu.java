package org.rescuegrid.driver.gt06.internal.decoder;

/**
 * CRC-ITU as the GT06 protocol uses it: the 16-bit CRC also known as CRC-16/X-25 (polynomial 0x1021,
 * bits reflected, initial value 0xFFFF, result inverted). It covers a frame from its length field up to
 * and including its serial number.
 */
public final class Crc16Itu {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16Itu() {
    }

    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return ~crc & 0xFFFF;
    }
}
