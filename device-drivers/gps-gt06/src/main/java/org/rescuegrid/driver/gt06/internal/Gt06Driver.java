package org.rescuegrid.driver.gt06.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
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
import org.rescuegrid.driver.gt06.internal.decoder.Gt06FrameDecoder;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.driver.support.CommitThenReply;
import org.rescuegrid.driver.support.NettyListeners;
import org.rescuegrid.driver.support.BusRecordSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GT06 TCP listener per factory configuration ({@code etc/org.rescuegrid.driver.gt06-NAME.cfg}). The
 * connection pipeline frames, checks and decodes each packet; the route then commits the packet's
 * positions and events through the bus and only after that sends the device its reply.
 */
@Component(service = {RoutesBuilder.class, DeviceDriver.class}, configurationPid = Gt06DriverSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Gt06DriverConfig.class, factory = true)
public class Gt06Driver extends RouteBuilder implements DeviceDriver {

    private static final Logger LOG = LoggerFactory.getLogger(Gt06Driver.class);

    private final Gt06DriverSettings settings;
    private final DeviceRegistry registry;
    private final String routeId;
    private volatile ProducerTemplate bus;

    @Activate
    public Gt06Driver(@Reference DeviceRegistry registry, Gt06DriverConfig config) {
        this.registry = registry;
        this.settings = Gt06DriverSettings.from(config);
        this.routeId = "gps-gt06-" + settings.port();
        LOG.info("GT06 listener configured on {} (location packets {})", settings.endpoint(),
                settings.acknowledgeLocation() ? "acknowledged" : "not acknowledged");
    }

    @Deactivate
    void deactivate() throws Exception {
        ProducerTemplate template = bus;
        if (template != null) {
            template.stop();
        }
        LOG.info("GT06 listener on {} stopped", settings.endpoint());
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
    }

    @Override
    public String protocol() {
        return Gt06Session.PROTOCOL;
    }

    @Override
    public String endpoint() {
        return settings.endpoint();
    }

    @Override
    public DriverStatus status() {
        return NettyListeners.status(getContext(), routeId, settings.endpoint());
    }

    private static void commitThenReply(CommitThenReply intake, Exchange exchange) throws Exception {
        PacketRecords records = exchange.getMessage().getMandatoryBody(PacketRecords.class);
        ChannelHandlerContext ctx = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT, ChannelHandlerContext.class);
        intake.commitThenReply(records, ctx.channel());
    }

    /** Handlers of one connection, created anew for each: idle timeout, framing, then the session. */
    private List<ChannelHandler> pipeline() {
        Clock clock = Clock.systemUTC();
        return List.of(
                NettyListeners.perConnection(() -> new IdleStateHandler(settings.idleTimeoutSeconds(), 0, 0, TimeUnit.SECONDS)),
                NettyListeners.perConnection(() -> new Gt06FrameDecoder(settings.maxFrameLength())),
                NettyListeners.perConnection(() -> new Gt06Session(settings, registry, clock)));
    }

}
