package org.rescuegrid.driver.onvif.internal;

import java.net.URI;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rescuegrid.driver.onvif.DiscoveredCamera;

/**
 * Turns an operator's approval of a discovered camera into the properties of its factory
 * configuration. Every invalid input raises an IllegalArgumentException that names the value and
 * the accepted form, before anything is written.
 */
final class CameraApproval {

    private CameraApproval() {
    }

    /**
     * Finds the camera an operator means.
     *
     * @param selector an index from {@code rescue:camera-discover}, a device service address, or HOST:PORT
     */
    static DiscoveredCamera select(String selector, List<DiscoveredCamera> discovered) {
        String value = selector == null ? "" : selector.strip();
        if (discovered.isEmpty()) {
            throw new IllegalArgumentException("no camera has been discovered yet, so '" + value
                    + "' matches nothing; run rescue:camera-discover first");
        }
        String form = "an index from 1 to " + discovered.size() + ", a device service address or HOST:PORT as"
                + " rescue:camera-discover lists them";
        if (value.matches("\\d{1,9}")) {
            int index = Integer.parseInt(value);
            return discovered.stream().filter(camera -> camera.index() == index).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("invalid camera index " + value + ", expected " + form));
        }
        for (DiscoveredCamera camera : discovered) {
            URI address = camera.address();
            if (address != null && (address.toString().equals(value) || hostPort(address).equals(withDefaultPort(value)))) {
                return camera;
            }
        }
        throw new IllegalArgumentException("no discovered camera has the address '" + value + "', expected " + form);
    }

    /**
     * Returns the configuration properties for a camera.
     *
     * @param configured the cameraId and address of every existing camera configuration, active or not
     */
    static Hashtable<String, Object> properties(DiscoveredCamera camera, String cameraId, String username, String password,
            String profile, Map<String, URI> configured) {
        if (camera.address() == null) {
            throw new IllegalArgumentException("camera " + camera.index() + " (" + camera.endpoint()
                    + ") announced no device service address; configure it by hand with its address");
        }
        String id = cameraId == null ? "" : cameraId.strip();
        if (!CameraSettings.isValidCameraId(id)) {
            throw new IllegalArgumentException("invalid camera id '" + id + "', expected " + CameraSettings.CAMERA_ID_FORM);
        }
        if (configured.containsKey(id)) {
            throw new IllegalArgumentException("camera id '" + id + "' is already configured for "
                    + configured.get(id) + "; choose another id");
        }
        Optional<String> sameAddress = configured.entrySet().stream()
                .filter(entry -> entry.getValue() != null && hostPort(entry.getValue()).equals(hostPort(camera.address())))
                .map(Map.Entry::getKey).findFirst();
        if (sameAddress.isPresent()) {
            throw new IllegalArgumentException("camera at " + camera.address() + " is already configured as '"
                    + sameAddress.get() + "'");
        }
        String user = username == null ? "admin" : username.strip();
        if (user.isEmpty()) {
            throw new IllegalArgumentException("invalid --user '', expected a user name, or leave the option out for admin");
        }
        String profileToken = profile == null ? "" : profile.strip();
        if (!profileToken.matches("[A-Za-z0-9._:-]{0,64}")) {
            throw new IllegalArgumentException("invalid --profile '" + profileToken + "', expected a media profile token"
                    + " of up to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("cameraId", id);
        properties.put("address", camera.address().toString());
        properties.put("username", user);
        properties.put("password", password == null ? "" : password);
        properties.put("profile", profileToken);
        return properties;
    }

    /** Returns host:port with the scheme's default port filled in, so addresses compare equal however written. */
    static String hostPort(URI address) {
        int port = address.getPort();
        if (port < 0) {
            port = "https".equals(address.getScheme()) ? 443 : 80;
        }
        return address.getHost() + ":" + port;
    }

    private static String withDefaultPort(String hostPort) {
        return hostPort.contains(":") ? hostPort : hostPort + ":80";
    }
}
