package org.rescuegrid.simulators.internal.camera;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated ONVIF camera per factory configuration
 * ({@code etc/org.rescuegrid.simulator.onvif-NAME.cfg}), for demos and tests. Each camera runs
 * its HTTP server and its motion schedule on one event loop thread of its own. It does not use the
 * platform's shared Netty groups because they live in the Camel registry, which this bundle does
 * not depend on.
 */
@Component(immediate = true, configurationPid = CameraSimulatorSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CameraSimulatorConfig.class, factory = true)
public class CameraSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSimulator.class);

    private final CameraSimulatorSettings settings;
    private final EventLoopGroup group;
    private final SimulatedCamera camera;
    private final CameraHttpServer server;
    private final DiscoveryResponder discovery;

    @Activate
    public CameraSimulator(CameraSimulatorConfig config) throws InterruptedException {
        this(CameraSimulatorSettings.from(config), Clock.systemUTC());
    }

    CameraSimulator(CameraSimulatorSettings settings, Clock clock) throws InterruptedException {
        this.settings = settings;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("rescuegrid-camera-sim-" + settings.name(), true),
                NioIoHandler.newFactory());
        this.camera = new SimulatedCamera(settings, clock, group);
        this.server = new CameraHttpServer(camera, settings.behaviour() == CameraSimulatorSettings.Behaviour.SILENT);
        String deviceService = "http://" + settings.host().getHostAddress() + ":" + settings.port() + "/onvif/device_service";
        this.discovery = settings.discovery()
                ? new DiscoveryResponder(settings.name(), new DiscoveryMessages(settings.name(), deviceService,
                        clock.instant().getEpochSecond()), settings.announceTo())
                : null;
        try {
            server.start(group, new InetSocketAddress(settings.host(), settings.port()));
            if (discovery != null) {
                discovery.start(group, new InetSocketAddress(settings.host(), settings.discoveryPort()));
            }
        } catch (Exception e) {
            // Netty's sync() rethrows a failed bind's checked BindException undeclared, so every exception must
            // release the port already bound and the event loop before the component fails.
            server.stop();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("camera=" + settings.name() + " could not listen on " + settings.host().getHostAddress()
                    + " port " + settings.port() + (discovery != null ? " or discovery port " + settings.discoveryPort() : "") + ": " + e
                    + "; free the port or change port/discoveryPort in the simulator's configuration", e);
        }
        long interval = settings.motionInterval().toMillis();
        if (interval > 0) {
            group.scheduleAtFixedRate(camera::emitMotion, interval, interval, TimeUnit.MILLISECONDS);
        }
        LOG.info("camera={} simulated ONVIF camera listening on {} (clock skew {}, motion every {}, behaviour {},"
                + " discovery port {}, announcements to {})", settings.name(), deviceService, settings.clockSkew(),
                settings.motionInterval(), settings.behaviour(), discovery == null ? "none" : discovery.port(),
                settings.announceTo() == null ? "none" : settings.announceTo());
    }

    @Deactivate
    void deactivate() {
        if (discovery != null) {
            discovery.stop();
        }
        server.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("camera={} simulated ONVIF camera stopped", settings.name());
    }

    SimulatedCamera camera() {
        return camera;
    }

    /** Returns the UDP port that replies to WS-Discovery probes; throws when the camera has no discovery socket. */
    int discoveryPort() {
        if (discovery == null) {
            throw new IllegalStateException("camera " + settings.name() + " has neither discoveryPort nor announceTo");
        }
        return discovery.port();
    }
}
