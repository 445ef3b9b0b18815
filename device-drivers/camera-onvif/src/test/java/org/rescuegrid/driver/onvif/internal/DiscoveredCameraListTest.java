package org.rescuegrid.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rescuegrid.driver.onvif.DiscoveredCamera;
import org.rescuegrid.onvif.DiscoveredDevice;

class DiscoveredCameraListTest {

    private static final URI GATE = URI.create("http://127.0.0.1:8131/onvif/device_service");
    private static final URI YARD = URI.create("http://127.0.0.1:8132/onvif/device_service");

    @Test
    void indexesStayAndByeKeepsAddress() {
        DiscoveredCameraList list = new DiscoveredCameraList();
        list.record(device("urn:uuid:gate", GATE, "onvif://www.onvif.org/name/GATE",
                "onvif://www.onvif.org/hardware/HD_PREDATOR", "onvif://www.onvif.org/mfr/Acme"), "probe", Instant.EPOCH);
        list.record(device("urn:uuid:yard", YARD, "onvif://www.onvif.org/name/YARD"), "hello", Instant.EPOCH);

        Optional<URI> byeAddress = list.record(device("urn:uuid:gate", null), "bye", Instant.ofEpochSecond(5));
        List<DiscoveredCamera> cameras = list.view(address -> address.equals(YARD) ? Optional.of("CAM-YARD") : Optional.empty(),
                id -> Optional.of("RescueGrid"));

        assertEquals(Optional.of(GATE), byeAddress);
        assertEquals(2, cameras.size());
        DiscoveredCamera gate = cameras.get(0);
        assertEquals(1, gate.index());
        assertEquals(GATE, gate.address());
        assertEquals("GATE", gate.name());
        assertEquals("HD_PREDATOR", gate.hardware());
        assertEquals("Acme", gate.manufacturer());
        assertEquals("bye", gate.state());
        assertEquals(Instant.ofEpochSecond(5), gate.lastSeen());
        assertEquals(List.of("name/GATE", "hardware/HD_PREDATOR", "mfr/Acme"), gate.scopes());
        assertNull(gate.configuredAs());
        DiscoveredCamera yard = cameras.get(1);
        assertEquals(2, yard.index());
        assertEquals("CAM-YARD", yard.configuredAs());
        assertEquals("RescueGrid", yard.manufacturer());
    }

    @Test
    void byeOfUnknownEndpointHasNoAddress() {
        DiscoveredCameraList list = new DiscoveredCameraList();

        assertEquals(Optional.empty(), list.record(device("urn:uuid:unknown", null), "bye", Instant.EPOCH));
    }

    private static DiscoveredDevice device(String endpoint, URI address, String... scopes) {
        return new DiscoveredDevice(endpoint, List.of("dn:NetworkVideoTransmitter"), List.of(scopes),
                address == null ? List.of() : List.of(address), InetAddress.getLoopbackAddress());
    }
}
