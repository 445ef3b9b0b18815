package org.rescuegrid.driver.teltonika.internal;

import java.net.InetSocketAddress;

import org.rescuegrid.driver.support.PacketRecords;

/**
 * The records of one AVL datagram and the acknowledgement datagram to send to its sender once they are
 * committed. The records carry no reply of their own, because a UDP reply needs the sender's address.
 */
record UdpPacket(PacketRecords records, InetSocketAddress sender, byte[] acknowledgement) {
}
