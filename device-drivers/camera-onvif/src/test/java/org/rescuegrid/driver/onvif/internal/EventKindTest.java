package org.rescuegrid.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class EventKindTest {

    @Test
    void motionTopicsOfSeveralMakers() {
        assertEquals(Optional.of(EventKind.MOTION), EventKind.fromTopicPath("RuleEngine/CellMotionDetector/Motion"));
        assertEquals(Optional.of(EventKind.MOTION), EventKind.fromTopicPath("VideoSource/MotionAlarm"));
        assertEquals(Optional.of(EventKind.MOTION), EventKind.fromTopicPath("VideoAnalytics/Motion"));
    }

    @Test
    void tamperingTopics() {
        assertEquals(Optional.of(EventKind.TAMPERING), EventKind.fromTopicPath("RuleEngine/TamperDetector/Tamper"));
        assertEquals(Optional.of(EventKind.TAMPERING), EventKind.fromTopicPath("VideoSource/GlobalSceneChange"));
        assertEquals(Optional.of(EventKind.TAMPERING), EventKind.fromTopicPath("VideoSource/ImageTooBlurry"));
    }

    @Test
    void videoLossTopic() {
        assertEquals(Optional.of(EventKind.VIDEO_LOSS), EventKind.fromTopicPath("VideoSource/SignalLoss"));
    }

    @Test
    void otherTopicsIgnored() {
        assertEquals(Optional.empty(), EventKind.fromTopicPath("Device/Trigger/DigitalInput"));
        assertEquals(Optional.empty(), EventKind.fromTopicPath("Monitoring/ProcessorUsage"));
    }

    @Test
    void eventTypesFromApi() {
        assertEquals("camera.motion", EventKind.MOTION.eventType());
        assertEquals("camera.tampering", EventKind.TAMPERING.eventType());
        assertEquals("camera.video-loss", EventKind.VIDEO_LOSS.eventType());
    }
}
