package org.rescuegrid.onvif;

import java.net.URI;
import java.time.Instant;

/**
 * A pull-point subscription from CreatePullPointSubscription.
 *
 * @param address the subscription manager address, rewritten to the host the camera was reached on
 * @param reportedAddress the address as the camera sent it, which is sent back as WS-Addressing To
 * @param currentTime the camera's time when it sent the response
 * @param terminationTime the camera's time when the subscription expires unless renewed
 */
public record PullPointSubscription(URI address, String reportedAddress, Instant currentTime, Instant terminationTime) {

    /** Returns the same subscription with the termination time that a renewal returned. */
    public PullPointSubscription renewed(Instant newCurrentTime, Instant newTerminationTime) {
        return new PullPointSubscription(address, reportedAddress, newCurrentTime, newTerminationTime);
    }
}
