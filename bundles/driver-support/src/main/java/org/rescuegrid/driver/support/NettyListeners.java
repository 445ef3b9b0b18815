package org.rescuegrid.driver.support;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.netty.channel.ChannelHandler;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.rescuegrid.api.bus.BusBeans;
import org.rescuegrid.api.driver.DriverStatus;

/** The parts of a camel-netty TCP or UDP listener that every driver sets up the same way. */
public final class NettyListeners {

    /** The accepted form of a listener's {@code host} key, for the settings classes' error messages. */
    public static final String HOST_FORM = "an address of this machine such as 127.0.0.1, 0.0.0.0 for every interface, or localhost";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    private NettyListeners() {
    }

    /**
     * Returns the camel-netty URI of a TCP server on the bus's shared event loops, for example for
     * {@code tcp://127.0.0.1:5023}. The driver sets its own decoders on the endpoint.
     */
    public static String tcpServerUri(String endpoint) {
        return "netty:" + endpoint + "?sync=false&allowDefaultCodec=false&reuseAddress=true"
                + "&bossGroup=#" + BusBeans.NETTY_BOSS_GROUP + "&workerGroup=#" + BusBeans.NETTY_WORKER_GROUP;
    }

    /**
     * Returns the camel-netty URI of a UDP server on the bus's shared worker event loops, for example for
     * {@code udp://127.0.0.1:5027}. Netty reads at most {@code maxDatagramLength} bytes of a datagram and
     * drops the rest, so pass one byte more than the longest datagram accepted to see longer ones as too long.
     */
    public static String udpServerUri(String endpoint, int maxDatagramLength) {
        return "netty:" + endpoint + "?sync=false&allowDefaultCodec=false&reuseAddress=true"
                + "&receiveBufferSizePredictor=" + maxDatagramLength + "&workerGroup=#" + BusBeans.NETTY_WORKER_GROUP;
    }

    /**
     * Returns whether a listener can bind to {@code host}: {@code localhost}, the wildcard address, or an
     * IPv4 or IPv6 literal of a loopback address or of one of this machine's interfaces. Other names are
     * rejected rather than resolved, so validation never sends a DNS query.
     */
    public static boolean isBindableHost(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        InetAddress address = literalAddress(host);
        if (address == null) {
            return false;
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static InetAddress literalAddress(String host) {
        try {
            var ipv4 = IPV4.matcher(host);
            if (ipv4.matches()) {
                byte[] octets = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    octets[i] = (byte) octet;
                }
                return InetAddress.getByAddress(octets);
            }
            // A string of hex digits, colons and dots is parsed as a literal by InetAddress, with no lookup.
            if (host.contains(":") && IPV6.matcher(host).matches()) {
                return InetAddress.getByName(host);
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    /** Wraps a handler supplier so that camel-netty creates a new handler for each connection. */
    public static ChannelHandler perConnection(Supplier<ChannelHandler> supplier) {
        return new DefaultChannelHandlerFactory() {
            @Override
            public ChannelHandler newChannelHandler() {
                return supplier.get();
            }
        };
    }

    // TODO: a listener that cannot bind (port in use) is only logged by Camel, and the bus still logs its route
    // as added; publish it as an org.rescuegrid.api.config.ConfigProblem for key port instead.
    /** Returns a listener's health from the state of its route. */
    public static DriverStatus status(CamelContext camel, String routeId, String endpoint) {
        ServiceStatus status = camel == null ? null : camel.getRouteController().getRouteStatus(routeId);
        if (status == null) {
            return DriverStatus.unknown("route " + routeId + " is not added yet; the platform bus may still be starting");
        }
        return status.isStarted() ? DriverStatus.online() : DriverStatus.offline("route " + routeId + " is " + status
                + "; see the log for why the listener on " + endpoint + " did not start");
    }
}
