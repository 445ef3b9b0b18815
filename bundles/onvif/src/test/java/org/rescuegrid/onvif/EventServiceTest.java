package org.rescuegrid.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.onvif.internal.XmlElement;

class EventServiceTest {

    private FixtureCamera camera;
    private OnvifConnection connection;

    @BeforeEach
    void start() throws Exception {
        camera = new FixtureCamera();
        connection = camera.connect(FixtureCamera.PASSWORD);
        connection.device().synchronizeClock();
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    @Test
    void subscriptionAddressRewritten() throws Exception {
        PullPointSubscription subscription = connection.events().createPullPointSubscription(Duration.ofSeconds(60));

        assertEquals(URI.create("http://127.0.0.1:" + camera.port() + "/onvif/subscription?Idx=0"),
                subscription.address());
        assertEquals("http://127.0.0.1/onvif/subscription?Idx=0", subscription.reportedAddress());
        assertEquals(Instant.parse("2014-12-24T19:14:40Z"), subscription.currentTime());
        assertEquals(Instant.parse("2014-12-24T19:14:45Z"), subscription.terminationTime());
        XmlElement request = camera.lastRequest().path("Body", "CreatePullPointSubscription").orElseThrow();
        assertEquals("PT1M", request.text("InitialTerminationTime").orElseThrow());
    }

    @Test
    void motionMessagesDecoded() throws Exception {
        PullPointSubscription subscription = connection.events().createPullPointSubscription(Duration.ofSeconds(60));

        PullMessagesResult result = connection.events().pullMessages(subscription, Duration.ofSeconds(1), 10);

        assertEquals(Instant.parse("2000-01-03T03:58:33Z"), result.currentTime());
        assertEquals(Instant.parse("2000-01-03T04:04:02Z"), result.terminationTime());
        assertEquals(2, result.messages().size());
        NotificationMessage motion = result.messages().get(0);
        assertEquals("tns1:RuleEngine/CellMotionDetector/Motion", motion.topic());
        assertEquals("RuleEngine/CellMotionDetector/Motion", motion.topicPath());
        assertEquals(Instant.parse("2014-12-24T19:14:40Z"), motion.utcTime());
        assertEquals(Map.of("IsMotion", "true"), motion.data());
        assertEquals(Map.of("VideoSourceConfigurationToken", "000", "VideoAnalyticsConfigurationToken", "000",
                "Rule", "000"), motion.source());
    }

    @Test
    void pullSendsAddressingHeaders() throws Exception {
        PullPointSubscription subscription = connection.events().createPullPointSubscription(Duration.ofSeconds(60));

        connection.events().pullMessages(subscription, Duration.ofSeconds(1), 10);

        XmlElement header = camera.lastRequest().child("Header").orElseThrow();
        assertEquals("http://127.0.0.1/onvif/subscription?Idx=0", header.text("To").orElseThrow());
        assertEquals("http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest",
                header.text("Action").orElseThrow());
        XmlElement pull = camera.lastRequest().path("Body", "PullMessages").orElseThrow();
        assertEquals("PT1S", pull.text("Timeout").orElseThrow());
        assertEquals("10", pull.text("MessageLimit").orElseThrow());
    }

    @Test
    void pullTimeoutLongerThanRequestRejected() throws Exception {
        PullPointSubscription subscription = connection.events().createPullPointSubscription(Duration.ofSeconds(60));

        assertThrows(IllegalArgumentException.class,
                () -> connection.events().pullMessages(subscription, Duration.ofSeconds(10), 10));
    }

    @Test
    void unsubscribeAccepted() throws Exception {
        PullPointSubscription subscription = connection.events().createPullPointSubscription(Duration.ofSeconds(60));

        connection.events().unsubscribe(subscription);

        assertEquals("Unsubscribe", camera.lastRequest().child("Body").orElseThrow().children().get(0).localName());
    }
}
