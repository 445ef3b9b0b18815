package org.rescuegrid.driver.onvif.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.driver.DeviceDriver;
import org.rescuegrid.api.driver.DriverStatus;
import org.rescuegrid.driver.onvif.CameraView;
import org.rescuegrid.driver.onvif.StoredSnapshot;
import org.rescuegrid.onvif.OnvifConnection;
import org.rescuegrid.onvif.SnapshotClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ONVIF camera per factory configuration ({@code etc/org.rescuegrid.driver.onvif-NAME.cfg}).
 * Activation only checks the configuration. The camera is contacted on the shared scheduler, so a
 * camera that does not respond never delays the framework.
 */
@Component(service = {DeviceDriver.class, CameraDriver.class}, configurationPid = CameraSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CameraDriverConfig.class, factory = true)
public class CameraDriver implements DeviceDriver {

    private static final Logger LOG = LoggerFactory.getLogger(CameraDriver.class);

    private final CameraSettings settings;
    private final CameraSession session;

    @Activate
    public CameraDriver(@Reference CameraRuntime runtime, @Reference DeviceRegistry registry,
            @Reference CameraEvents events, @Reference SnapshotStore store, CameraDriverConfig config) {
        this.settings = CameraSettings.from(config);
        OnvifConnection connection = OnvifConnection.create(settings.address(), settings.username(), settings.password(),
                runtime.httpClient(), settings.requestTimeout());
        this.session = new CameraSession(settings, connection, new SnapshotClient(runtime.httpClient(), settings.requestTimeout()),
                runtime.scheduler(), registry, events::publish, store, Clock.systemUTC());
        LOG.info("camera={} configured at {} (events {})", settings.cameraId(), settings.address(), settings.eventKinds());
        session.start();
    }

    @Deactivate
    void deactivate() {
        session.stop();
        LOG.info("camera={} stopped", settings.cameraId());
    }

    String cameraId() {
        return settings.cameraId();
    }

    URI address() {
        return settings.address();
    }

    /** Passes on a WS-Discovery Hello (true) or Bye (false) of this camera. */
    void announced(boolean hello) {
        if (hello) {
            session.helloReceived();
        } else {
            session.byeReceived();
        }
    }

    @Override
    public String protocol() {
        return CameraSession.PROTOCOL;
    }

    @Override
    public String endpoint() {
        return settings.address().toString();
    }

    @Override
    public DriverStatus status() {
        CameraView view = session.view();
        return switch (view.health()) {
            case ONLINE -> DriverStatus.online();
            case CONNECTING -> DriverStatus.unknown(view.detail());
            default -> DriverStatus.offline(view.health() + ": " + view.detail());
        };
    }

    CameraView view() {
        return session.view();
    }

    StoredSnapshot snapshot(String incidentId) {
        return session.snapshot(incidentId);
    }

    void ptzMove(double pan, double tilt, double zoom) {
        session.ptzMove(pan, tilt, zoom);
    }

    void ptzStop() {
        session.ptzStop();
    }

    void ptzPreset(String preset) {
        session.ptzPreset(preset);
    }

    List<String> ptzPresets() {
        return session.ptzPresets();
    }
}
