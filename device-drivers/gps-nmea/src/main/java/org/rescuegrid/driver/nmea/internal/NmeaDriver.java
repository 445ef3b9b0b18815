package org.rescuegrid.driver.nmea.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.handler.timeout.IdleStateHandler;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.netty.NettyEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.driver.DeviceDriver;
import org.rescuegrid.api.driver.DriverStatus;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.driver.support.NettyListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One NMEA 0183 TCP listener per factory configuration ({@code etc/org.rescuegrid.driver.nmea-NAME.cfg}).
 * Its route takes the fixes the connection pipeline assembles and sends each to the bus, which returns
 * once the fix is committed. NMEA trackers expect no acknowledgement, so a fix that cannot be stored is
 * counted against its device and logged.
 */
@Component(service = {RoutesBuilder.class, DeviceDriver.class}, configurationPid = NmeaDriverSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NmeaDriverConfig.class, factory = true)
public class NmeaDriver extends RouteBuilder implements DeviceDriver {

    private static final Logger LOG = LoggerFactory.getLogger(NmeaDriver.class);

    private final NmeaDriverSettings settings;
    private final DeviceRegistry registry;
    private final String routeId;

    @Activate
    public NmeaDriver(@Reference DeviceRegistry registry, NmeaDriverConfig config) {
        this.registry = registry;
        this.settings = NmeaDriverSettings.from(config);
        this.routeId = "gps-nmea-" + settings.port();
        LOG.info("NMEA listener configured on {} (identification by {})", settings.endpoint(),
                settings.identifiedByPort() ? "fixed device " + settings.fixedDeviceId() : "registration line");
    }

    @Deactivate
    void deactivate() {
        LOG.info("NMEA listener on {} stopped", settings.endpoint());
    }

    @Override
    public void configure() {
        NettyEndpoint endpoint = getContext().getEndpoint(NettyListeners.tcpServerUri(settings.endpoint()), NettyEndpoint.class);
        endpoint.getConfiguration().setDecodersAsList(pipeline());

        from(endpoint)
                .routeId(routeId)
                .onException(Exception.class)
                    .handled(true)
                    .process(this::storeFailed)
                .end()
                .to(BusEndpoints.POSITION);
    }

    @Override
    public String protocol() {
        return NmeaSession.PROTOCOL;
    }

    @Override
    public String endpoint() {
        return settings.endpoint();
    }

    @Override
    public DriverStatus status() {
        return NettyListeners.status(getContext(), routeId, settings.endpoint());
    }

    /** Handlers of one connection, created anew for each: idle timeout, line framing, then the session. */
    private List<ChannelHandler> pipeline() {
        Clock clock = Clock.systemUTC();
        return List.of(
                NettyListeners.perConnection(() -> new IdleStateHandler(settings.idleTimeoutSeconds(), 0, 0, TimeUnit.SECONDS)),
                NettyListeners.perConnection(() -> new NmeaFrameDecoder(settings.maxFrameLength())),
                NettyListeners.perConnection(() -> new NmeaSession(settings, registry, clock)));
    }

    private void storeFailed(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        PositionFix fix = exchange.getMessage().getBody(PositionFix.class);
        String device = fix == null ? "unknown" : fix.deviceId();
        registry.error(device, DeviceErrorKind.STORE_FAILED);
        LOG.error("device={} position at {} could not be stored and is lost, NMEA has no acknowledgement to make the device resend: {}",
                device, fix == null ? "unknown time" : fix.fixTime(), error == null ? "unknown error" : error.getMessage());
    }

}
