package org.rescuegrid.driver.onvif.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.rescuegrid.driver.onvif.DiscoveredCamera;
import org.rescuegrid.onvif.DiscoveredDevice;

/**
 * The cameras heard from by probe, Hello or Bye, keyed by endpoint reference. Each keeps the index
 * it was first given, so the index an operator read from the console stays valid.
 */
final class DiscoveredCameraList {

    static final String PROBE = "probe";
    static final String HELLO = "hello";
    static final String BYE = "bye";

    private static final String SCOPE_PREFIX = "onvif://www.onvif.org/";

    private record Entry(int index, DiscoveredDevice device, String state, Instant lastSeen) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * Records a device and returns its entry's address, which a Bye without XAddrs takes from an
     * earlier probe or Hello of the same endpoint.
     */
    synchronized Optional<URI> record(DiscoveredDevice device, String state, Instant now) {
        String key = key(device);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Entry previous = entries.get(key);
        DiscoveredDevice kept = device;
        if (previous != null && device.serviceAddresses().isEmpty()) {
            kept = new DiscoveredDevice(device.endpoint(), previous.device().types(), previous.device().scopes(),
                    previous.device().serviceAddresses(), device.sender());
        }
        int index = previous == null ? entries.size() + 1 : previous.index();
        entries.put(key, new Entry(index, kept, state, now));
        return kept.serviceAddresses().stream().findFirst();
    }

    /**
     * Returns the entries in index order.
     *
     * @param configuredAs the id of the configured camera at a device service address, if any
     */
    synchronized List<DiscoveredCamera> view(Function<URI, Optional<String>> configuredAs,
            Function<String, Optional<String>> manufacturerOf) {
        List<DiscoveredCamera> cameras = new ArrayList<>();
        for (Entry entry : entries.values()) {
            DiscoveredDevice device = entry.device();
            URI address = device.serviceAddresses().stream().findFirst().orElse(null);
            String configured = address == null ? null : configuredAs.apply(address).orElse(null);
            String manufacturer = device.scope("mfr");
            if (manufacturer.isEmpty() && configured != null) {
                manufacturer = manufacturerOf.apply(configured).orElse("");
            }
            cameras.add(new DiscoveredCamera(entry.index(), device.endpoint(), address, device.scope("name"),
                    device.scope("hardware"), manufacturer, shortScopes(device.scopes()), entry.state(),
                    entry.lastSeen(), configured));
        }
        return cameras;
    }

    private static String key(DiscoveredDevice device) {
        if (!device.endpoint().isEmpty()) {
            return device.endpoint();
        }
        return device.serviceAddresses().stream().findFirst().map(URI::toString).orElse("");
    }

    private static List<String> shortScopes(List<String> scopes) {
        return scopes.stream().map(scope -> scope.startsWith(SCOPE_PREFIX) ? scope.substring(SCOPE_PREFIX.length()) : scope)
                .toList();
    }
}
