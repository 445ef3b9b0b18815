package org.rescuegrid.driver.onvif.internal;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.rescuegrid.driver.onvif.CameraService;
import org.rescuegrid.driver.onvif.CameraView;
import org.rescuegrid.driver.onvif.StoredSnapshot;

/** The {@link CameraService} over every configured {@link CameraDriver}. */
@Component(service = {CameraService.class, CameraDirectory.class})
public class CameraDirectory implements CameraService {

    private final List<CameraDriver> drivers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(CameraDriver driver) {
        drivers.add(driver);
    }

    void unbindDriver(CameraDriver driver) {
        drivers.remove(driver);
    }

    @Override
    public List<CameraView> cameras() {
        return drivers.stream().map(CameraDriver::view).sorted(Comparator.comparing(CameraView::cameraId)).toList();
    }

    @Override
    public Optional<CameraView> camera(String cameraId) {
        return find(cameraId).map(CameraDriver::view);
    }

    @Override
    public StoredSnapshot takeSnapshot(String cameraId, String incidentId) {
        return require(cameraId).snapshot(incidentId);
    }

    @Override
    public void ptzMove(String cameraId, double pan, double tilt, double zoom) {
        require(cameraId).ptzMove(pan, tilt, zoom);
    }

    @Override
    public void ptzStop(String cameraId) {
        require(cameraId).ptzStop();
    }

    @Override
    public void ptzPreset(String cameraId, String preset) {
        require(cameraId).ptzPreset(preset);
    }

    @Override
    public List<String> ptzPresets(String cameraId) {
        return require(cameraId).ptzPresets();
    }

    /** Returns the driver whose device service has the host and port of {@code address}. */
    Optional<CameraDriver> driverAt(URI address) {
        String hostPort = CameraApproval.hostPort(address);
        return drivers.stream().filter(driver -> CameraApproval.hostPort(driver.address()).equals(hostPort)).findFirst();
    }

    private Optional<CameraDriver> find(String cameraId) {
        return drivers.stream().filter(driver -> driver.cameraId().equals(cameraId)).findFirst();
    }

    private CameraDriver require(String cameraId) {
        return find(cameraId).orElseThrow(() -> new IllegalArgumentException("unknown camera '" + cameraId
                + "'; rescue:camera-list shows the configured cameras"));
    }
}
