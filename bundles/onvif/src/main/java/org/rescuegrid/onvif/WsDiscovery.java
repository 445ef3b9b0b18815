package org.rescuegrid.onvif;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rescuegrid.onvif.internal.DiscoveryMessages;

/**
 * WS-Discovery probes for ONVIF devices. A probe is sent to the multicast group
 * 239.255.255.250:3702 by default, or to any other address given, such as one camera's own
 * address for a directed probe. Responses come back by unicast to the probing socket.
 */
public final class WsDiscovery {

    /** The WS-Discovery multicast group and port. */
    public static final InetSocketAddress MULTICAST_GROUP = new InetSocketAddress("239.255.255.250", 3702);

    private static final int MAX_DATAGRAM = 65_507;

    private final InetSocketAddress target;
    private final NetworkInterface networkInterface;

    /**
     * @param target where probes go, {@link #MULTICAST_GROUP} to reach every device on the link
     * @param networkInterface the interface multicast probes leave from, or null for the system default
     */
    public WsDiscovery(InetSocketAddress target, NetworkInterface networkInterface) {
        this.target = target;
        this.networkInterface = networkInterface;
    }

    /** Sends one probe for NetworkVideoTransmitter devices and collects the matches until {@code wait} passes. */
    public List<DiscoveredDevice> probe(Duration wait) throws IOException {
        String messageId = "uuid:" + UUID.randomUUID();
        byte[] probe = DiscoveryMessages.probe(messageId).getBytes(StandardCharsets.UTF_8);
        Map<String, DiscoveredDevice> devices = new LinkedHashMap<>();
        try (MulticastSocket socket = new MulticastSocket(new InetSocketAddress(target.getAddress().isLoopbackAddress()
                ? InetAddress.getLoopbackAddress() : null, 0))) {
            if (networkInterface != null) {
                socket.setNetworkInterface(networkInterface);
            }
            socket.setTimeToLive(1);
            socket.send(new DatagramPacket(probe, probe.length, target));
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[MAX_DATAGRAM];
            while (true) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, remainingMillis));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                Optional<DiscoveryMessages.Received> received = DiscoveryMessages.read(text, packet.getAddress());
                if (received.isPresent() && received.get().kind().equals("ProbeMatches")
                        && messageId.equals(received.get().relatesTo())) {
                    received.get().devices().forEach(device -> devices.putIfAbsent(device.endpoint(), device));
                }
            }
        }
        return new ArrayList<>(devices.values());
    }
}
