package org.rescuegrid.onvif;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A device that responded to a WS-Discovery probe or announced itself with Hello.
 *
 * @param endpoint the stable endpoint reference, usually {@code urn:uuid:...}
 * @param types such as {@code dn:NetworkVideoTransmitter}
 * @param scopes ONVIF scopes such as {@code onvif://www.onvif.org/name/PREDATOR}
 * @param serviceAddresses the device service addresses (XAddrs), empty in a Bye
 * @param sender the address the datagram came from
 */
public record DiscoveredDevice(String endpoint, List<String> types, List<String> scopes, List<URI> serviceAddresses,
        InetAddress sender) {

    public DiscoveredDevice {
        types = List.copyOf(types);
        scopes = List.copyOf(scopes);
        serviceAddresses = List.copyOf(serviceAddresses);
    }

    /** Returns the value of the first scope under {@code onvif://www.onvif.org/<category>/}, such as name or hardware. */
    public String scope(String category) {
        String prefix = "onvif://www.onvif.org/" + category + "/";
        return scopes.stream().filter(scope -> scope.startsWith(prefix)).map(scope -> scope.substring(prefix.length()))
                .findFirst().orElse("");
    }
}
