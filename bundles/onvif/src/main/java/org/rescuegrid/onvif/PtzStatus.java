package org.rescuegrid.onvif;

import java.time.Instant;

/**
 * Position and movement from PTZ GetStatus. Positions are in the camera's generic space, -1 to 1
 * for pan and tilt and 0 to 1 for zoom, and NaN where the camera leaves a value out.
 *
 * @param panTiltMove IDLE, MOVING or UNKNOWN, empty when not reported
 * @param utcTime null when not reported
 */
public record PtzStatus(double pan, double tilt, double zoom, String panTiltMove, String zoomMove, Instant utcTime) {
}
