package org.rescuegrid.driver.teltonika.internal.decoder;

/**
 * CRC-16/IBM as Teltonika's AVL packets carry it (also known as CRC-16/ARC: polynomial 0x8005, bits
 * reflected, initial value 0, no final XOR). It covers a packet from its codec id to its second record count.
 */
public final class Crc16Ibm {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16Ibm() {
    }

    public static int compute(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
