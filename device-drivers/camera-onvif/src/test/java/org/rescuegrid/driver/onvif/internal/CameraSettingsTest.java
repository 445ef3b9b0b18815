package org.rescuegrid.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class CameraSettingsTest {

    /** A configuration with valid values; tests override one key each. */
    private static class Config implements CameraDriverConfig {
        String cameraId = "CAM-1";
        String address = "http://127.0.0.1:8131/onvif/device_service";
        String[] topics = {"motion", "video-loss"};
        int timeout = 10;
        int subscription = 60;

        @Override public String cameraId() { return cameraId; }
        @Override public String address() { return address; }
        @Override public String username() { return "admin"; }
        @Override public String password() { return "secret"; }
        @Override public String profile() { return ""; }
        @Override public String[] eventTopics() { return topics; }
        @Override public int requestTimeoutSeconds() { return timeout; }
        @Override public int subscriptionSeconds() { return subscription; }
        @Override public Class<? extends Annotation> annotationType() { return CameraDriverConfig.class; }
    }

    @Test
    void validConfigurationRead() {
        CameraSettings settings = CameraSettings.from(new Config());

        assertEquals("CAM-1", settings.cameraId());
        assertEquals(URI.create("http://127.0.0.1:8131/onvif/device_service"), settings.address());
        assertEquals(EnumSet.of(EventKind.MOTION, EventKind.VIDEO_LOSS), settings.eventKinds());
        assertEquals(Duration.ofSeconds(10), settings.requestTimeout());
    }

    @Test
    void invalidAddressRejected() {
        Config config = new Config();
        config.address = "127.0.0.1:8131";

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> CameraSettings.from(config));
        assertEquals("org.rescuegrid.driver.onvif: invalid address '127.0.0.1:8131', expected an http or https URI"
                + " such as http://10.1.2.3/onvif/device_service", failure.getMessage());
    }

    @Test
    void unknownTopicRejected() {
        Config config = new Config();
        config.topics = new String[] {"motion", "smoke"};

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> CameraSettings.from(config));
        assertEquals("org.rescuegrid.driver.onvif: invalid eventTopics 'smoke', expected motion, tampering or video-loss",
                failure.getMessage());
    }

    @Test
    void cameraIdWithSpaceRejected() {
        Config config = new Config();
        config.cameraId = "gate camera";

        assertThrows(IllegalArgumentException.class, () -> CameraSettings.from(config));
    }

    @Test
    void timeoutOutOfRangeRejected() {
        Config config = new Config();
        config.timeout = 1;

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> CameraSettings.from(config));
        assertEquals("org.rescuegrid.driver.onvif: invalid requestTimeoutSeconds '1', expected seconds from 2 to 60",
                failure.getMessage());
    }

    @Test
    void passwordHiddenInToString() {
        assertEquals(-1, CameraSettings.from(new Config()).toString().indexOf("secret"));
    }
}
