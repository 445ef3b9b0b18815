package org.rescuegrid.driver.teltonika.internal.decoder;

/**
 * One AVL data packet whose CRC has been checked: the bytes from the codec id to the second record count.
 */
public record AvlFrame(byte[] data) {

    public AvlFrame {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
