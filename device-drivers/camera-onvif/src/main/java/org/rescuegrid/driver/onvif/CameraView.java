package org.rescuegrid.driver.onvif;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * State of one camera as the driver last read it. Fields the camera has not reported yet are null.
 *
 * @param detail a sentence for the operator when the camera is not ONLINE, else empty
 * @param clockOffset the camera's clock minus the node's
 * @param lastContact the last successful request
 * @param lastSnapshot the last snapshot stored
 */
public record CameraView(String cameraId, URI address, CameraHealth health, String detail, String manufacturer,
        String model, String firmwareVersion, String serialNumber, String profileToken, URI streamUri, URI snapshotUri,
        boolean ptz, Duration clockOffset, Instant lastContact, Instant lastSnapshot) {
}
