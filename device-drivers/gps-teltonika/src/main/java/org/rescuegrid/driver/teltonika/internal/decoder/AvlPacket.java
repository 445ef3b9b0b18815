package org.rescuegrid.driver.teltonika.internal.decoder;

import java.util.List;

/** The decoded content of an AVL data packet: its codec and its records, oldest first as the tracker sent them. */
public record AvlPacket(int codec, List<AvlRecord> records) {

    public AvlPacket {
        records = List.copyOf(records);
    }
}
