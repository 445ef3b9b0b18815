package org.rescuegrid.driver.onvif.internal;

import java.util.Locale;
import java.util.Optional;

import org.rescuegrid.api.event.DeviceEventTypes;

/**
 * The camera events the driver turns into device events, with the ONVIF topics that carry them.
 * Topics are matched on their path without namespace prefixes; the last segment decides, because
 * makers place the same alarm under different parents (RuleEngine/CellMotionDetector/Motion,
 * VideoSource/MotionAlarm, VideoAnalytics/Motion).
 */
enum EventKind {
    MOTION("motion", DeviceEventTypes.CAMERA_MOTION),
    TAMPERING("tampering", DeviceEventTypes.CAMERA_TAMPERING),
    VIDEO_LOSS("video-loss", DeviceEventTypes.CAMERA_VIDEO_LOSS);

    private final String key;
    private final String eventType;

    EventKind(String key, String eventType) {
        this.key = key;
        this.eventType = eventType;
    }

    String key() {
        return key;
    }

    String eventType() {
        return eventType;
    }

    static Optional<EventKind> fromKey(String key) {
        for (EventKind kind : values()) {
            if (kind.key.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Returns the kind for an ONVIF topic path such as {@code RuleEngine/CellMotionDetector/Motion}. */
    static Optional<EventKind> fromTopicPath(String topicPath) {
        String last = topicPath.substring(topicPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (last.equals("motion") || last.equals("motionalarm")) {
            return Optional.of(MOTION);
        }
        if (last.contains("tamper") || last.equals("globalscenechange") || last.equals("imagetooblurry")
                || last.equals("imagetoodark") || last.equals("imagetoobright")) {
            return Optional.of(TAMPERING);
        }
        if (last.equals("signalloss") || last.equals("videoloss")) {
            return Optional.of(VIDEO_LOSS);
        }
        return Optional.empty();
    }
}
