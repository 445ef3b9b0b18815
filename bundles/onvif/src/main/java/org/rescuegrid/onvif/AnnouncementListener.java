package org.rescuegrid.onvif;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

import org.rescuegrid.onvif.internal.DiscoveryMessages;

/**
 * Receives WS-Discovery Hello and Bye announcements. Bound to a multicast group address, it joins
 * the group on the given interface. Bound to a unicast address, it only receives datagrams sent to
 * that address, which is how tests use it on loopback. It starts no thread: {@link #run} blocks
 * the caller's thread until {@link #close()}.
 */
public final class AnnouncementListener implements Closeable {

    private static final int MAX_DATAGRAM = 65_507;

    private final MulticastSocket socket;

    /**
     * @param address {@link WsDiscovery#MULTICAST_GROUP} to receive every device's announcements
     * @param networkInterface the interface to join the group on; ignored for a unicast address
     */
    public AnnouncementListener(InetSocketAddress address, NetworkInterface networkInterface) throws IOException {
        if (address.getAddress().isMulticastAddress()) {
            socket = new MulticastSocket(address.getPort());
            socket.joinGroup(address, networkInterface);
        } else {
            socket = new MulticastSocket(address);
        }
    }

    /** Returns the port the listener is bound to. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Passes each Hello and Bye to {@code consumer} until the listener is closed; other datagrams are ignored. */
    public void run(Consumer<DiscoveryAnnouncement> consumer) throws IOException {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return;
                }
                throw e;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            Optional<DiscoveryMessages.Received> received = DiscoveryMessages.read(text, packet.getAddress());
            if (received.isPresent() && !received.get().kind().equals("ProbeMatches")) {
                boolean hello = received.get().kind().equals("Hello");
                received.get().devices().forEach(device -> consumer.accept(new DiscoveryAnnouncement(hello, device)));
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
