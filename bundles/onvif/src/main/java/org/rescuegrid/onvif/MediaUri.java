package org.rescuegrid.onvif;

import java.net.URI;
import java.time.Duration;

/**
 * A stream or snapshot URI from GetStreamUri or GetSnapshotUri.
 *
 * @param uri the URI with its host rewritten to the host the camera was reached on
 * @param reported the URI as the camera sent it
 * @param timeout how long the URI stays valid, zero for as long as the camera runs
 */
public record MediaUri(URI uri, String reported, boolean invalidAfterConnect, boolean invalidAfterReboot,
        Duration timeout) {
}
