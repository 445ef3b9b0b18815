package org.rescuegrid.driver.onvif;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Cameras found by WS-Discovery probes and Hello announcements, kept until the driver stops, and
 * their approval into a camera configuration. Invalid input raises IllegalArgumentException with
 * a sentence that names the value and the accepted form.
 */
public interface CameraDiscoveryService {

    /**
     * Sends one probe, keeps the cameras that respond and returns them.
     *
     * @param target the multicast group, or one camera's discovery address for a directed probe
     */
    List<DiscoveredCamera> probe(InetSocketAddress target, Duration wait) throws IOException;

    /** Returns every camera found so far, in the order first found. */
    List<DiscoveredCamera> discovered();

    /**
     * Creates the Config Admin factory configuration of a discovered camera, so the driver starts
     * it, and returns the configuration's PID.
     *
     * @param selector the camera's index in {@link #discovered()}, its device service address, or HOST:PORT
     * @param profile media profile token, empty for the camera's first profile
     */
    String approve(String selector, String cameraId, String username, String password, String profile)
            throws IOException;
}
