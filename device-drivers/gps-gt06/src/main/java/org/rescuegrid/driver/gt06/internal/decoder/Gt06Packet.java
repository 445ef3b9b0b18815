package org.rescuegrid.driver.gt06.internal.decoder;

import java.util.Arrays;

/**
 * One GT06 frame whose stop bytes and CRC have been checked: the protocol number, the information
 * content between it and the serial number, and the serial number the server's reply must echo.
 */
public record Gt06Packet(int protocol, byte[] content, int serial) {

    public Gt06Packet {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    int length() {
        return content.length;
    }

    int unsignedByte(int index) {
        return content[index] & 0xFF;
    }

    int unsignedShort(int index) {
        return (unsignedByte(index) << 8) | unsignedByte(index + 1);
    }

    long unsignedInt(int index) {
        return ((long) unsignedShort(index) << 16) | unsignedShort(index + 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Gt06Packet packet && protocol == packet.protocol && serial == packet.serial
                && Arrays.equals(content, packet.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * protocol + serial) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Gt06Packet[protocol=0x" + Integer.toHexString(protocol) + ", serial=" + serial + ", " + content.length + " content bytes]";
    }
}
