package org.rescuegrid.driver.onvif;

import java.util.List;
import java.util.Optional;

/**
 * The configured ONVIF cameras of this node, for the console and other services. Methods that act
 * on a camera throw IllegalArgumentException for an unknown camera id and IllegalStateException,
 * with a sentence for the operator, when the camera cannot do it now.
 */
public interface CameraService {

    /** Returns all configured cameras ordered by id. */
    List<CameraView> cameras();

    Optional<CameraView> camera(String cameraId);

    /**
     * Takes a snapshot with the camera's snapshot URI and stores it.
     *
     * @param incidentId incident to attach the snapshot to, or null
     */
    StoredSnapshot takeSnapshot(String cameraId, String incidentId);

    /** Starts a continuous PTZ move; velocities from -1 to 1, and the camera stops by itself after 5 seconds. */
    void ptzMove(String cameraId, double pan, double tilt, double zoom);

    void ptzStop(String cameraId);

    /** Moves to the preset with this name or token. */
    void ptzPreset(String cameraId, String preset);

    /** Returns the names of the camera's PTZ presets. */
    List<String> ptzPresets(String cameraId);
}
