package org.rescuegrid.simulators.internal.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.onvif.MediaProfile;
import org.rescuegrid.onvif.MediaUri;
import org.rescuegrid.onvif.NotificationMessage;
import org.rescuegrid.onvif.OnvifConnection;
import org.rescuegrid.onvif.OnvifFaultException;
import org.rescuegrid.onvif.OnvifHttpException;
import org.rescuegrid.onvif.OnvifServiceType;
import org.rescuegrid.onvif.OnvifUnreachableException;
import org.rescuegrid.onvif.PtzPreset;
import org.rescuegrid.onvif.PtzStatus;
import org.rescuegrid.onvif.PullMessagesResult;
import org.rescuegrid.onvif.PullPointSubscription;
import org.rescuegrid.onvif.Snapshot;
import org.rescuegrid.onvif.SnapshotClient;

/** Drives the simulator with the project's ONVIF client over HTTP on 127.0.0.1. */
class CameraSimulatorTest {

    private static final String PASSWORD = "sim-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CameraSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.deactivate();
        }
    }

    private OnvifConnection start(long skewSeconds, String behaviour, String password) throws Exception {
        int port = freePort();
        CameraSimulatorSettings settings = new CameraSimulatorSettings("CAM-TEST-01", InetAddress.getLoopbackAddress(),
                port, "admin", PASSWORD, Duration.ofSeconds(skewSeconds), Duration.ZERO,
                CameraSimulatorSettings.Behaviour.valueOf(behaviour), 0, null);
        simulator = new CameraSimulator(settings, Clock.systemUTC());
        return OnvifConnection.create(URI.create("http://127.0.0.1:" + port + "/onvif/device_service"), "admin",
                password, HTTP, Duration.ofSeconds(3));
    }

    @Test
    void takenDiscoveryPortFailsAndReleasesHttpPort() throws Exception {
        int port = freePort();
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CameraSimulatorSettings settings = new CameraSimulatorSettings("CAM-TEST-02", InetAddress.getLoopbackAddress(), port,
                    "admin", PASSWORD, Duration.ZERO, Duration.ZERO, CameraSimulatorSettings.Behaviour.NORMAL, taken.getLocalPort(), null);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CameraSimulator(settings, Clock.systemUTC()));

            assertTrue(e.getMessage().startsWith("camera=CAM-TEST-02 could not listen on 127.0.0.1 port " + port
                    + " or discovery port " + taken.getLocalPort()), e.getMessage());
        }
        // The HTTP port bound before the failure is free again.
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void skewedClockAuthenticatesAfterSync() throws Exception {
        OnvifConnection connection = start(-3 * 3600, "NORMAL", PASSWORD);

        assertThrows(OnvifFaultException.class, () -> connection.device().getDeviceInformation());
        Duration offset = connection.device().synchronizeClock().orElseThrow();

        assertTrue(offset.plusHours(3).abs().getSeconds() <= 2, "offset " + offset);
        assertEquals("CAM-TEST-01", connection.device().getDeviceInformation().serialNumber());
    }

    @Test
    void wrongPasswordRejected() throws Exception {
        OnvifConnection connection = start(0, "NORMAL", "wrong");
        connection.device().synchronizeClock();

        OnvifFaultException fault = assertThrows(OnvifFaultException.class, () -> connection.media().getProfiles());

        assertTrue(fault.isAuthenticationFailure());
        assertEquals(List.of("ter:NotAuthorized"), fault.subcodes());
    }

    @Test
    void profilesAndUrisServed() throws Exception {
        OnvifConnection connection = start(0, "NORMAL", PASSWORD);
        connection.device().synchronizeClock();
        connection.device().loadServiceAddresses();

        List<MediaProfile> profiles = connection.media().getProfiles();
        MediaUri stream = connection.media().getStreamUri("main");

        assertEquals(URI.create(connection.deviceAddress().resolve("/onvif/media").toString()),
                connection.serviceAddress(OnvifServiceType.MEDIA));
        assertEquals(List.of("main", "sub"), profiles.stream().map(MediaProfile::token).toList());
        assertEquals(1920, profiles.get(0).width());
        assertEquals(360, profiles.get(1).height());
        assertTrue(profiles.get(0).hasPtz());
        assertEquals(URI.create("rtsp://127.0.0.1:8554/CAM-TEST-01/main"), stream.uri());
    }

    @Test
    void snapshotNeedsHttpAuthentication() throws Exception {
        OnvifConnection connection = start(0, "NORMAL", PASSWORD);
        connection.device().synchronizeClock();
        URI snapshot = connection.media().getSnapshotUri("sub").uri();

        HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(snapshot).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> authorized = HTTP.send(HttpRequest.newBuilder(snapshot).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().allValues("WWW-Authenticate").stream().anyMatch(v -> v.startsWith("Digest ")));
        assertEquals(200, authorized.statusCode());
        assertEquals("image/jpeg", authorized.headers().firstValue("Content-Type").orElseThrow());
        byte[] start = {(byte) 0xFF, (byte) 0xD8};
        assertArrayEquals(start, java.util.Arrays.copyOf(authorized.body(), 2), "JPEG start-of-image marker");
    }

    @Test
    void snapshotClientAnswersDigest() throws Exception {
        OnvifConnection connection = start(0, "NORMAL", PASSWORD);
        connection.device().synchronizeClock();
        URI uri = connection.media().getSnapshotUri("main").uri();

        Snapshot snapshot = new SnapshotClient(HTTP, Duration.ofSeconds(3)).fetch(uri, "admin", PASSWORD);

        assertEquals("image/jpeg", snapshot.contentType());
        assertTrue(snapshot.image().length > 500, "JPEG of " + snapshot.image().length + " bytes");
        OnvifHttpException rejected = assertThrows(OnvifHttpException.class,
                () -> new SnapshotClient(HTTP, Duration.ofSeconds(3)).fetch(uri, "admin", "wrong"));
        assertEquals(401, rejected.status());
    }

    @Test
    void ptzPresetAndMoveChangeStatus() throws Exception {
        OnvifConnection connection = start(0, "NORMAL", PASSWORD);
        connection.device().synchronizeClock();

        List<PtzPreset> presets = connection.ptz().getPresets("main");
        connection.ptz().gotoPreset("main", "2");
        PtzStatus atGate = connection.ptz().getStatus("main");
        connection.ptz().continuousMove("main", -1, 0, 0, null);
        PtzStatus moving = connection.ptz().getStatus("main");
        connection.ptz().stop("main");
        PtzStatus stopped = connection.ptz().getStatus("main");

        assertEquals(new PtzPreset("2", "Gate"), presets.get(1));
        assertEquals(0.5, atGate.pan(), 1e-4);
        assertEquals(-0.2, atGate.tilt(), 1e-4);
        assertEquals(0.3, atGate.zoom(), 1e-4);
        assertEquals("MOVING", moving.panTiltMove());
        assertEquals("IDLE", stopped.panTiltMove());
        assertTrue(stopped.pan() <= 0.5, "pan after moving left " + stopped.pan());
    }

    @Test
    void motionEventPulled() throws Exception {
        OnvifConnection connection = start(0, "NORMAL", PASSWORD);
        connection.device().synchronizeClock();
        PullPointSubscription subscription = connection.events().createPullPointSubscription(Duration.ofSeconds(30));

        simulator.camera().emitMotion();
        PullMessagesResult first = connection.events().pullMessages(subscription, Duration.ofSeconds(2), 10);
        Instant before = Instant.now();
        PullMessagesResult empty = connection.events().pullMessages(subscription, Duration.ofMillis(300), 10);
        Duration waited = Duration.between(before, Instant.now());

        assertEquals(1, first.messages().size());
        NotificationMessage motion = first.messages().get(0);
        assertEquals("RuleEngine/CellMotionDetector/Motion", motion.topicPath());
        assertEquals(Map.of("IsMotion", "true"), motion.data());
        assertEquals("Changed", motion.propertyOperation());
        assertEquals(0, empty.messages().size());
        assertTrue(waited.toMillis() >= 250, "pull returned after " + waited.toMillis() + " ms");
    }

    @Test
    void renewAndUnsubscribe() throws Exception {
        OnvifConnection connection = start(0, "NORMAL", PASSWORD);
        connection.device().synchronizeClock();
        PullPointSubscription subscription = connection.events().createPullPointSubscription(Duration.ofSeconds(10));

        PullPointSubscription renewed = connection.events().renew(subscription, Duration.ofSeconds(120));
        connection.events().unsubscribe(renewed);

        assertTrue(renewed.terminationTime().isAfter(subscription.terminationTime()));
        assertEquals(0, simulator.camera().subscriptionCount());
        OnvifFaultException gone = assertThrows(OnvifFaultException.class,
                () -> connection.events().pullMessages(renewed, Duration.ofMillis(100), 1));
        assertEquals(List.of("wsrf-rw:ResourceUnknownFault"), gone.subcodes());
    }

    @Test
    void faultBehaviourReturnsFault() throws Exception {
        OnvifConnection connection = start(0, "FAULT", PASSWORD);
        connection.device().synchronizeClock();

        OnvifFaultException fault = assertThrows(OnvifFaultException.class, () -> connection.media().getProfiles());

        assertEquals("env:Receiver", fault.code());
        assertEquals("simulated hardware failure", fault.reason());
    }

    @Test
    void silentBehaviourTimesOut() throws Exception {
        OnvifConnection connection = start(0, "SILENT", PASSWORD);

        assertThrows(OnvifUnreachableException.class, () -> connection.device().getSystemDateAndTime());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
