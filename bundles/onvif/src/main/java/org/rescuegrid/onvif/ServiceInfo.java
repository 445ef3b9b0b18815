package org.rescuegrid.onvif;

import java.net.URI;

/**
 * One entry of GetServices.
 *
 * @param address the service address, rewritten to the host the camera was reached on
 * @param version "major.minor"
 */
public record ServiceInfo(String namespace, URI address, String version) {
}
