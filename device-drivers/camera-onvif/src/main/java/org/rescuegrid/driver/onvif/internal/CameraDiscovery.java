package org.rescuegrid.driver.onvif.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.driver.onvif.CameraDiscoveryService;
import org.rescuegrid.driver.onvif.CameraView;
import org.rescuegrid.driver.onvif.DiscoveredCamera;
import org.rescuegrid.onvif.AnnouncementListener;
import org.rescuegrid.onvif.DiscoveredDevice;
import org.rescuegrid.onvif.DiscoveryAnnouncement;
import org.rescuegrid.onvif.WsDiscovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS-Discovery for the driver: probes on request, a listener for Hello and Bye, the list of cameras
 * found, and their approval into factory configurations of {@link CameraSettings#PID}. A Bye from a
 * configured camera marks it offline at once, and a Hello makes it reconnect without waiting for
 * its backoff. The listener blocks in a socket receive, so it has one thread of its own rather than
 * holding one of the shared scheduler's.
 */
@Component(service = CameraDiscoveryService.class, configurationPid = CameraDiscoverySettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CameraDiscoveryConfig.class)
public class CameraDiscovery implements CameraDiscoveryService {

    private static final Logger LOG = LoggerFactory.getLogger(CameraDiscovery.class);

    private final ConfigurationAdmin configurationAdmin;
    private final CameraDirectory directory;
    private final CameraDiscoverySettings settings;
    private final DiscoveredCameraList list = new DiscoveredCameraList();
    private final Clock clock = Clock.systemUTC();
    private AnnouncementListener listener;
    private Thread listenerThread;

    @Activate
    public CameraDiscovery(@Reference ConfigurationAdmin configurationAdmin, @Reference CameraDirectory directory,
            CameraDiscoveryConfig config) {
        this.configurationAdmin = configurationAdmin;
        this.directory = directory;
        this.settings = CameraDiscoverySettings.from(config);
        if (settings.announcementAddress() != null) {
            startListener(settings.announcementAddress());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (listener != null) {
            listener.close();
            listenerThread.join(2000);
        }
    }

    private void startListener(InetSocketAddress address) {
        try {
            listener = new AnnouncementListener(address, settings.networkInterface());
        } catch (IOException e) {
            LOG.warn("WS-Discovery Hello and Bye are not received: listening on {} failed ({}); set announcementAddress"
                    + " in {} to a free address", address, e.getMessage(), CameraDiscoverySettings.PID);
            return;
        }
        listenerThread = new Thread(() -> {
            try {
                listener.run(this::announced);
            } catch (IOException e) {
                LOG.warn("WS-Discovery listener on {} stopped: {}", address, e.getMessage());
            }
        }, "rescuegrid-camera-announcements");
        listenerThread.setDaemon(true);
        listenerThread.start();
        LOG.info("WS-Discovery Hello and Bye received on {}", address);
    }

    /** Records an announcement and passes it on to the configured camera at the same address, if any. */
    void announced(DiscoveryAnnouncement announcement) {
        DiscoveredDevice device = announcement.device();
        String state = announcement.hello() ? DiscoveredCameraList.HELLO : DiscoveredCameraList.BYE;
        Optional<URI> address = list.record(device, state, clock.instant());
        Optional<CameraDriver> driver = address.flatMap(directory::driverAt);
        if (driver.isPresent()) {
            driver.get().announced(announcement.hello());
        } else if (announcement.hello()) {
            LOG.info("camera discovered by Hello: {} at {} ({}); approve it with rescue:camera-approve", device.endpoint(),
                    address.map(URI::toString).orElse("no address"), device.scope("name"));
        }
    }

    @Override
    public List<DiscoveredCamera> probe(InetSocketAddress target, Duration wait) throws IOException {
        List<DiscoveredDevice> found = new WsDiscovery(target, settings.networkInterface()).probe(wait);
        Set<String> endpoints = new HashSet<>();
        for (DiscoveredDevice device : found) {
            list.record(device, DiscoveredCameraList.PROBE, clock.instant());
            endpoints.add(device.endpoint());
        }
        return discovered().stream().filter(camera -> endpoints.contains(camera.endpoint())).toList();
    }

    @Override
    public List<DiscoveredCamera> discovered() {
        Map<String, URI> configured = configuredCameras();
        Map<String, String> idByHostPort = new HashMap<>();
        configured.forEach((id, address) -> {
            if (address != null) {
                idByHostPort.put(CameraApproval.hostPort(address), id);
            }
        });
        return list.view(address -> Optional.ofNullable(idByHostPort.get(CameraApproval.hostPort(address))),
                id -> directory.camera(id).map(CameraView::manufacturer));
    }

    @Override
    public String approve(String selector, String cameraId, String username, String password, String profile)
            throws IOException {
        DiscoveredCamera camera = CameraApproval.select(selector, discovered());
        var properties = CameraApproval.properties(camera, cameraId, username, password, profile, configuredCameras());
        String id = (String) properties.get("cameraId");
        Configuration configuration = configurationAdmin.getFactoryConfiguration(CameraSettings.PID, id, "?");
        if (configuration.getProperties() != null) {
            throw new IllegalArgumentException("a configuration named '" + id + "' already exists ("
                    + configuration.getPid() + "); choose another camera id");
        }
        configuration.update(properties);
        LOG.info("camera={} approved at {} as configuration {}", id, camera.address(), configuration.getPid());
        return configuration.getPid();
    }

    /** Returns the cameraId and address of every camera configuration, including those whose driver did not start. */
    private Map<String, URI> configuredCameras() {
        Map<String, URI> cameras = new HashMap<>();
        Configuration[] configurations;
        try {
            configurations = configurationAdmin.listConfigurations(
                    "(service.factoryPid=" + CameraSettings.PID + ")");
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("reading the camera configurations failed: " + e.getMessage(), e);
        }
        for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
            Object id = configuration.getProperties().get("cameraId");
            Object address = configuration.getProperties().get("address");
            if (id != null) {
                cameras.put(id.toString().strip(), address == null ? null : parse(address.toString().strip()));
            }
        }
        return cameras;
    }

    private static URI parse(String address) {
        try {
            URI uri = new URI(address);
            return uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
