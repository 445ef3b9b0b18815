package org.rescuegrid.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rescuegrid.driver.onvif.DiscoveredCamera;

class CameraApprovalTest {

    private static final DiscoveredCamera GATE = camera(1, "http://127.0.0.1:8131/onvif/device_service");
    private static final DiscoveredCamera YARD = camera(2, "http://127.0.0.1:8132/onvif/device_service");
    private static final DiscoveredCamera PLAIN_HTTP = camera(3, "http://10.1.2.3/onvif/device_service");
    private static final List<DiscoveredCamera> DISCOVERED = List.of(GATE, YARD, PLAIN_HTTP);

    @Test
    void selectByIndexAddressOrHostPort() {
        assertEquals(YARD, CameraApproval.select("2", DISCOVERED));
        assertEquals(YARD, CameraApproval.select(" http://127.0.0.1:8132/onvif/device_service ", DISCOVERED));
        assertEquals(GATE, CameraApproval.select("127.0.0.1:8131", DISCOVERED));
        assertEquals(PLAIN_HTTP, CameraApproval.select("10.1.2.3", DISCOVERED));
    }

    @Test
    void unknownSelectorNamesValueAndForm() {
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
                () -> CameraApproval.select("4", DISCOVERED));
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> CameraApproval.select("127.0.0.1:9999", DISCOVERED));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CameraApproval.select("1", List.of()));

        assertEquals("invalid camera index 4, expected an index from 1 to 3, a device service address or HOST:PORT"
                + " as rescue:camera-discover lists them", index.getMessage());
        assertTrue(address.getMessage().startsWith("no discovered camera has the address '127.0.0.1:9999'"),
                address.getMessage());
        assertTrue(none.getMessage().contains("run rescue:camera-discover first"), none.getMessage());
    }

    @Test
    void propertiesOfApprovedCamera() {
        Hashtable<String, Object> properties = CameraApproval.properties(YARD, " CAM-LHR-NEW ", "operator", "s3cret",
                "sub", Map.of("CAM-LHR-GATE", URI.create("http://127.0.0.1:8131/onvif/device_service")));

        assertEquals("CAM-LHR-NEW", properties.get("cameraId"));
        assertEquals("http://127.0.0.1:8132/onvif/device_service", properties.get("address"));
        assertEquals("operator", properties.get("username"));
        assertEquals("s3cret", properties.get("password"));
        assertEquals("sub", properties.get("profile"));
        assertEquals(5, properties.size());
    }

    @Test
    void defaultsWhenOptionsLeftOut() {
        Hashtable<String, Object> properties = CameraApproval.properties(YARD, "CAM-1", null, null, null, Map.of());

        assertEquals("admin", properties.get("username"));
        assertEquals("", properties.get("password"));
        assertEquals("", properties.get("profile"));
    }

    @Test
    void invalidOrDuplicateInputRejected() {
        Map<String, URI> configured = Map.of("CAM-LHR-GATE", URI.create("http://127.0.0.1:8131/onvif/device_service"));

        assertEquals("invalid camera id 'CAM LHR', expected 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'",
                message(() -> CameraApproval.properties(YARD, "CAM LHR", "admin", "", "", configured)));
        assertEquals("camera id 'CAM-LHR-GATE' is already configured for http://127.0.0.1:8131/onvif/device_service;"
                + " choose another id", message(() -> CameraApproval.properties(YARD, "CAM-LHR-GATE", "admin", "", "", configured)));
        assertEquals("camera at http://127.0.0.1:8131/onvif/device_service is already configured as 'CAM-LHR-GATE'",
                message(() -> CameraApproval.properties(GATE, "CAM-OTHER", "admin", "", "", configured)));
        assertTrue(message(() -> CameraApproval.properties(YARD, "CAM-2", " ", "", "", configured))
                .startsWith("invalid --user ''"));
        assertTrue(message(() -> CameraApproval.properties(YARD, "CAM-2", "admin", "", "main profile", configured))
                .startsWith("invalid --profile 'main profile'"));
    }

    @Test
    void cameraWithoutAddressRejected() {
        DiscoveredCamera noAddress = new DiscoveredCamera(4, "urn:uuid:4", null, "", "", "", List.of(), "bye",
                Instant.EPOCH, null);

        assertTrue(message(() -> CameraApproval.properties(noAddress, "CAM-4", "admin", "", "", Map.of()))
                .contains("announced no device service address"));
    }

    @Test
    void hostPortFillsDefaultPort() {
        assertEquals("10.1.2.3:80", CameraApproval.hostPort(URI.create("http://10.1.2.3/onvif/device_service")));
        assertEquals("10.1.2.3:443", CameraApproval.hostPort(URI.create("https://10.1.2.3/onvif/device_service")));
        assertEquals("127.0.0.1:8131", CameraApproval.hostPort(URI.create("http://127.0.0.1:8131/x")));
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    private static DiscoveredCamera camera(int index, String address) {
        return new DiscoveredCamera(index, "urn:uuid:" + index, URI.create(address), "CAM", "HW", "", List.of(), "probe",
                Instant.EPOCH, null);
    }
}
