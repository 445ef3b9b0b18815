package org.rescuegrid.driver.onvif;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A camera that responded to a WS-Discovery probe or announced itself, as the driver keeps it for
 * approval.
 *
 * @param index position in {@link CameraDiscoveryService#discovered()}, from 1, stable while the driver runs
 * @param endpoint the WS-Discovery endpoint reference, usually {@code urn:uuid:...}
 * @param address the first device service address (XAddr), or null when the camera sent none
 * @param name the ONVIF {@code name} scope, empty when missing
 * @param hardware the ONVIF {@code hardware} scope (the model for most makers), empty when missing
 * @param manufacturer the maker from the {@code mfr} scope or, for a configured camera, from its device
 *        information; empty when unknown
 * @param state {@code probe}, {@code hello} or {@code bye}: how the camera was last heard from
 * @param configuredAs the id of the configured camera with the same host and port, or null
 */
public record DiscoveredCamera(int index, String endpoint, URI address, String name, String hardware,
        String manufacturer, List<String> scopes, String state, Instant lastSeen, String configuredAs) {

    public DiscoveredCamera {
        scopes = List.copyOf(scopes);
    }

    public boolean configured() {
        return configuredAs != null;
    }
}
