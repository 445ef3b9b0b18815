package org.rescuegrid.driver.onvif.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checked form of {@link CameraDriverConfig}. Every invalid value raises an
 * IllegalArgumentException that names the PID, the key, the value and the accepted form.
 */
record CameraSettings(String cameraId, URI address, String username, String password, String profile,
        Set<EventKind> eventKinds, Duration requestTimeout, Duration subscriptionLifetime) {

    static final String PID = "org.rescuegrid.driver.onvif";

    static final String CAMERA_ID_FORM = "1 to 64 characters from A-Z, a-z, 0-9, '.', '_', ':' and '-'";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static CameraSettings from(CameraDriverConfig config) {
        String cameraId = strip(config.cameraId());
        if (!isValidCameraId(cameraId)) {
            throw invalid("cameraId", cameraId, CAMERA_ID_FORM);
        }
        URI address = address(strip(config.address()));
        if (config.requestTimeoutSeconds() < 2 || config.requestTimeoutSeconds() > 60) {
            throw invalid("requestTimeoutSeconds", Integer.toString(config.requestTimeoutSeconds()), "seconds from 2 to 60");
        }
        if (config.subscriptionSeconds() < 10 || config.subscriptionSeconds() > 3600) {
            throw invalid("subscriptionSeconds", Integer.toString(config.subscriptionSeconds()), "seconds from 10 to 3600");
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String topic : config.eventTopics() == null ? new String[0] : config.eventTopics()) {
            if (!topic.isBlank()) {
                kinds.add(EventKind.fromKey(topic.strip().toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> invalid("eventTopics", topic, "motion, tampering or video-loss")));
            }
        }
        return new CameraSettings(cameraId, address, strip(config.username()),
                config.password() == null ? "" : config.password(), strip(config.profile()), kinds,
                Duration.ofSeconds(config.requestTimeoutSeconds()), Duration.ofSeconds(config.subscriptionSeconds()));
    }

    static boolean isValidCameraId(String cameraId) {
        return ID.matcher(cameraId).matches();
    }

    private static URI address(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid("address", value, "an http or https URI such as http://10.1.2.3/onvif/device_service");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("address", value, "an http or https URI such as http://10.1.2.3/onvif/device_service");
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static IllegalArgumentException invalid(String key, String value, String form) {
        return new IllegalArgumentException(PID + ": invalid " + key + " '" + value + "', expected " + form);
    }

    @Override
    public String toString() {
        return "CameraSettings[cameraId=" + cameraId + ", address=" + address + ", username=" + username
                + ", profile=" + profile + ", eventKinds=" + eventKinds + "]";
    }
}
