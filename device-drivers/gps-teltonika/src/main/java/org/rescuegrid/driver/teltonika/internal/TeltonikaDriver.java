package org.rescuegrid.driver.teltonika.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.timeout.IdleStateHandler;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.netty.NettyConstants;
import org.apache.camel.component.netty.NettyEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.driver.DeviceDriver;
import org.rescuegrid.api.driver.DriverStatus;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaFrameDecoder;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.driver.support.CommitThenReply;
import org.rescuegrid.driver.support.NettyListeners;
import org.rescuegrid.driver.support.BusRecordSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Teltonika TCP listener, and optionally one UDP listener, per factory configuration
 * ({@code etc/org.rescuegrid.driver.teltonika-NAME.cfg}). The pipeline frames, checks and decodes each AVL
 * packet or datagram; the route then commits its positions and events through the bus and only after that
 * sends the device the number of records accepted.
 */
@Component(service = {RoutesBuilder.class, DeviceDriver.class}, configurationPid = TeltonikaDriverSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TeltonikaDriverConfig.class, factory = true)
public class TeltonikaDriver extends RouteBuilder implements DeviceDriver {

    private static final Logger LOG = LoggerFactory.getLogger(TeltonikaDriver.class);

    private final TeltonikaDriverSettings settings;
    private final DeviceRegistry registry;
    private final String routeId;
    private final String udpRouteId;
    private volatile ProducerTemplate bus;

    @Activate
    public TeltonikaDriver(@Reference DeviceRegistry registry, TeltonikaDriverConfig config) {
        this.registry = registry;
        this.settings = TeltonikaDriverSettings.from(config);
        this.routeId = "gps-teltonika-" + settings.port();
        this.udpRouteId = "gps-teltonika-udp-" + settings.udpPort();
        LOG.info("Teltonika listener configured on {}{}", settings.endpoint(), settings.udpEnabled() ? " and " + settings.udpEndpoint() : "");
    }

    @Deactivate
    void deactivate() throws Exception {
        ProducerTemplate template = bus;
        if (template != null) {
            template.stop();
        }
        LOG.info("Teltonika listener on {}{} stopped", settings.endpoint(), settings.udpEnabled() ? " and " + settings.udpEndpoint() : "");
    }

    @Override
    public void configure() {
        NettyEndpoint endpoint = getContext().getEndpoint(NettyListeners.tcpServerUri(settings.endpoint()), NettyEndpoint.class);
        endpoint.getConfiguration().setDecodersAsList(pipeline());

        ProducerTemplate template = getContext().createProducerTemplate();
        bus = template;
        CommitThenReply intake = new CommitThenReply(new BusRecordSink(template), registry);

        from(endpoint)
                .routeId(routeId)
                .process(exchange -> commitThenReply(intake, exchange));

        if (settings.udpEnabled()) {
            // Datagrams larger than the limit are read one byte past it, so the session rejects them as too long.
            NettyEndpoint udp = getContext().getEndpoint(NettyListeners.udpServerUri(settings.udpEndpoint(), settings.maxFrameLength() + 1),
                    NettyEndpoint.class);
            udp.getConfiguration().setDecodersAsList(List.of(NettyListeners.perConnection(() -> new TeltonikaUdpSession(settings, registry))));
            // NOTE: one UDP channel serves every tracker of the port, so the acknowledgements of all its trackers
            // leave in the order the datagrams arrived; the commits themselves are grouped like the TCP ones.
            from(udp)
                    .routeId(udpRouteId)
                    .process(exchange -> commitThenAcknowledge(intake, exchange));
        }
    }

    @Override
    public String protocol() {
        return TeltonikaSession.PROTOCOL;
    }

    @Override
    public String endpoint() {
        return settings.endpoint();
    }

    @Override
    public DriverStatus status() {
        DriverStatus tcp = NettyListeners.status(getContext(), routeId, settings.endpoint());
        if (!settings.udpEnabled() || !tcp.equals(DriverStatus.online())) {
            return tcp;
        }
        return NettyListeners.status(getContext(), udpRouteId, settings.udpEndpoint());
    }

    private static void commitThenReply(CommitThenReply intake, Exchange exchange) throws Exception {
        PacketRecords records = exchange.getMessage().getMandatoryBody(PacketRecords.class);
        ChannelHandlerContext ctx = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT, ChannelHandlerContext.class);
        intake.commitThenReply(records, ctx.channel());
    }

    /** Commits the records of one datagram and then sends the acknowledgement datagram to its sender. */
    private static void commitThenAcknowledge(CommitThenReply intake, Exchange exchange) throws Exception {
        UdpPacket packet = exchange.getMessage().getMandatoryBody(UdpPacket.class);
        ChannelHandlerContext ctx = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT, ChannelHandlerContext.class);
        intake.commitThenReply(packet.records(), ctx.channel()).thenAccept(stored -> {
            if (stored) {
                ctx.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet.acknowledgement()), packet.sender()));
            }
        });
    }

    /** Handlers of one connection, created anew for each: idle timeout, framing, then the session. */
    private List<ChannelHandler> pipeline() {
        return List.of(
                NettyListeners.perConnection(() -> new IdleStateHandler(settings.idleTimeoutSeconds(), 0, 0, TimeUnit.SECONDS)),
                NettyListeners.perConnection(() -> new TeltonikaFrameDecoder(settings.maxFrameLength())),
                NettyListeners.perConnection(() -> new TeltonikaSession(settings, registry)));
    }

}
