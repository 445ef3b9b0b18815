package org.rescuegrid.driver.support;

import java.util.function.Supplier;

import io.netty.channel.ChannelHandler;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.rescuegrid.api.bus.BusBeans;
import org.rescuegrid.api.driver.DriverStatus;

/** The parts of a camel-netty TCP or UDP listener that every driver sets up the same way. */
public final class NettyListeners {

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

    /** Wraps a handler supplier so that camel-netty creates a new handler for each connection. */
    public static ChannelHandler perConnection(Supplier<ChannelHandler> supplier) {
        return new DefaultChannelHandlerFactory() {
            @Override
            public ChannelHandler newChannelHandler() {
                return supplier.get();
            }
        };
    }

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
