package org.rescuegrid.simulators.internal.camera;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * The WS-Discovery side of one simulated camera, on a UDP socket bound to its loopback host: it
 * replies to probes for NetworkVideoTransmitter devices by unicast to the sender, sends Hello when it
 * starts and Bye when it stops. It never joins a multicast group, so a probe must be directed at
 * its port.
 */
final class DiscoveryResponder {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryResponder.class);

    private final String cameraName;
    private final DiscoveryMessages messages;
    private final InetSocketAddress announceTo;
    private Channel channel;

    /**
     * @param announceTo where Hello and Bye go, or null to send none
     */
    DiscoveryResponder(String cameraName, DiscoveryMessages messages, InetSocketAddress announceTo) {
        this.cameraName = cameraName;
        this.messages = messages;
        this.announceTo = announceTo;
    }

    /**
     * Binds the socket and sends Hello. Port 0 binds a socket that only announces: no probe can
     * be addressed to it.
     */
    void start(EventLoopGroup group, InetSocketAddress address) throws InterruptedException {
        channel = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .handler(new ProbeHandler())
                .bind(address).sync().channel();
        announce(messages.hello());
    }

    /** Sends Bye and waits until it is written, then closes the socket. */
    void stop() {
        if (channel == null) {
            return;
        }
        announce(messages.bye());
        channel.close().syncUninterruptibly();
        channel = null;
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    private void announce(String message) {
        if (announceTo == null) {
            return;
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), announceTo)).syncUninterruptibly();
    }

    private final class ProbeHandler extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
            Optional<String> messageId = probeMessageId(ByteBufUtil.getBytes(packet.content()));
            if (messageId.isEmpty()) {
                LOG.debug("camera={} ignored a datagram from {} that is not a probe", cameraName, packet.sender());
                return;
            }
            byte[] reply = messages.probeMatches(messageId.get()).getBytes(StandardCharsets.UTF_8);
            context.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), packet.sender()));
        }
    }

    /** Returns the MessageID of a probe that requests video transmitters or for any type, empty for anything else. */
    static Optional<String> probeMessageId(byte[] datagram) {
        RequestXml request;
        try {
            request = RequestXml.parse(datagram);
        } catch (SAXException e) {
            return Optional.empty();
        }
        if (!request.operation().equals("Probe")) {
            return Optional.empty();
        }
        String types = request.text("Types").orElse("");
        if (types.isEmpty()) {
            return request.text("MessageID");
        }
        for (String type : types.split("\\s+")) {
            String localPart = type.substring(type.indexOf(':') + 1);
            if (localPart.equals("NetworkVideoTransmitter") || localPart.equals("Device")) {
                return request.text("MessageID");
            }
        }
        return Optional.empty();
    }
}
