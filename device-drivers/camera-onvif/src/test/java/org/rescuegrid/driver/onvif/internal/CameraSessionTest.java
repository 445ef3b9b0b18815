package org.rescuegrid.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.driver.onvif.CameraHealth;
import org.rescuegrid.onvif.OnvifConnection;
import org.rescuegrid.onvif.SnapshotClient;

/**
 * The session's subscription handling against a scripted camera on 127.0.0.1 that accepts any
 * credentials and reports a subscription close to its termination time on every pull.
 */
class CameraSessionTest {

    private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:tt=\"http://www.onvif.org/ver10/schema\"><s:Body>%s</s:Body></s:Envelope>";

    private HttpServer server;
    private ScheduledExecutorService scheduler;
    private CameraSession session;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean failNextPull;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        scheduler = Executors.newScheduledThreadPool(2);
        URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service");
        CameraSettings settings = new CameraSettings("CAM-T", address, "admin", "pw", "", EnumSet.allOf(EventKind.class),
                Duration.ofSeconds(3), Duration.ofSeconds(30));
        HttpClient http = HttpClient.newHttpClient();
        OnvifConnection connection = OnvifConnection.create(address, "admin", "pw", http, Duration.ofSeconds(3));
        session = new CameraSession(settings, connection, new SnapshotClient(http, Duration.ofSeconds(3)), scheduler,
                new NoRegistry(), events::add, null, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        session.stop();
        scheduler.shutdownNow();
        server.stop(0);
    }

    @Test
    void subscriptionRenewedBeforeExpiry() {
        session.start();

        waitFor("a Renew", () -> count("Renew") >= 1);

        assertEquals(CameraHealth.ONLINE, session.view().health());
        assertEquals(1, count("CreatePullPointSubscription"));
    }

    @Test
    void subscriptionRecreatedAfterPullFault() {
        session.start();
        waitFor("the first pull", () -> count("PullMessages") >= 1);

        failNextPull = true;
        waitFor("a second subscription", () -> count("CreatePullPointSubscription") >= 2);
        waitFor("pulls on the new subscription", () -> session.view().health() == CameraHealth.ONLINE);

        assertTrue(count("PullMessages") >= 2);
    }

    @Test
    void motionMessageBecomesCameraEvent() {
        session.start();

        waitFor("a motion event", () -> !events.isEmpty());

        DeviceEvent event = events.get(0);
        assertEquals("CAM-T", event.deviceId());
        assertEquals("camera.motion", event.type());
        assertEquals("true", event.attributes().get("state"));
        assertEquals("RuleEngine/CellMotionDetector/Motion", event.attributes().get("topic"));
        assertEquals("vsc0", event.attributes().get("source.VideoSourceConfigurationToken"));
    }

    @Test
    void byeMarksOfflineAtOnceAndHelloReconnects() {
        session.start();
        waitFor("the first pull", () -> count("PullMessages") >= 1 && session.view().health() == CameraHealth.ONLINE);

        session.byeReceived();
        CameraHealth afterBye = session.view().health();
        String detailAfterBye = session.view().detail();
        int requestsAtBye = requests.get();
        waitFor("the pull in flight at Bye to finish", () -> served.get() >= requestsAtBye);
        CameraHealth afterPullFinished = session.view().health();
        int pullsAfterBye = count("PullMessages");
        int connectsBeforeHello = count("GetSystemDateAndTime");

        session.helloReceived();
        waitFor("a reconnect after Hello", () -> session.view().health() == CameraHealth.ONLINE);

        assertEquals(CameraHealth.UNREACHABLE, afterBye);
        assertTrue(detailAfterBye.contains("announced WS-Discovery Bye"), detailAfterBye);
        assertEquals(CameraHealth.UNREACHABLE, afterPullFinished);
        assertTrue(pullsAfterBye <= requestsAtBye, "no pull started after Bye");
        assertEquals(connectsBeforeHello + 1, count("GetSystemDateAndTime"));
    }

    @Test
    void helloIgnoredWhileOnline() {
        session.start();
        waitFor("online", () -> session.view().health() == CameraHealth.ONLINE);

        session.helloReceived();
        waitFor("two more pulls", () -> count("PullMessages") >= 3);

        assertEquals(1, count("GetSystemDateAndTime"));
    }

    private int count(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            respond(exchange);
        } finally {
            served.incrementAndGet();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String operation = operation(request);
        calls.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
        String now = Instant.now().toString();
        String soon = Instant.now().plusSeconds(5).toString();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String body = switch (operation) {
            case "GetSystemDateAndTime" -> systemDateAndTime();
            case "GetDeviceInformation" -> "<GetDeviceInformationResponse><Manufacturer>Test</Manufacturer></GetDeviceInformationResponse>";
            case "GetCapabilities" -> "<GetCapabilitiesResponse><Capabilities><Events><tt:XAddr>" + base
                    + "/events</tt:XAddr></Events></Capabilities></GetCapabilitiesResponse>";
            case "GetProfiles" -> "<GetProfilesResponse><Profiles token=\"p1\"><tt:Name>p1</tt:Name></Profiles></GetProfilesResponse>";
            case "GetStreamUri", "GetSnapshotUri" -> "<R><MediaUri><tt:Uri>" + base + "/media</tt:Uri></MediaUri></R>";
            case "CreatePullPointSubscription" -> "<R><SubscriptionReference><Address>" + base + "/sub</Address>"
                    + "</SubscriptionReference><CurrentTime>" + now + "</CurrentTime><TerminationTime>" + soon
                    + "</TerminationTime></R>";
            case "PullMessages" -> failNextPull ? null : pause() + "<R><CurrentTime>" + now + "</CurrentTime><TerminationTime>" + soon
                    + "</TerminationTime>" + (count("PullMessages") == 1 ? MOTION.formatted(now) : "") + "</R>";
            case "Renew" -> "<R><TerminationTime>" + Instant.now().plusSeconds(30) + "</TerminationTime></R>";
            default -> "<R/>";
        };
        if (body == null) {
            failNextPull = false;
            reply(exchange, 400, ENVELOPE.formatted("<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code>"
                    + "<s:Reason><s:Text>subscription gone</s:Text></s:Reason></s:Fault>"));
            return;
        }
        reply(exchange, 200, ENVELOPE.formatted(body));
    }

    private static String systemDateAndTime() {
        java.time.ZonedDateTime utc = Instant.now().atZone(java.time.ZoneOffset.UTC);
        return "<R><SystemDateAndTime><UTCDateTime><Time><Hour>" + utc.getHour() + "</Hour><Minute>" + utc.getMinute()
                + "</Minute><Second>" + utc.getSecond() + "</Second></Time><Date><Year>" + utc.getYear() + "</Year><Month>"
                + utc.getMonthValue() + "</Month><Day>" + utc.getDayOfMonth() + "</Day></Date></UTCDateTime>"
                + "</SystemDateAndTime></R>";
    }

    /** Holds a pull for 100 ms, as a camera waits for events, so the session does not spin; returns "". */
    private static String pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private static final String MOTION = "<NotificationMessage><Topic>tns1:RuleEngine/CellMotionDetector/Motion</Topic>"
            + "<Message><tt:Message UtcTime=\"%s\"><tt:Source><tt:SimpleItem Name=\"VideoSourceConfigurationToken\""
            + " Value=\"vsc0\"/></tt:Source><tt:Data><tt:SimpleItem Name=\"IsMotion\" Value=\"true\"/></tt:Data>"
            + "</tt:Message></Message></NotificationMessage>";

    private static String operation(String request) {
        int body = request.indexOf("Body>");
        int start = request.indexOf('<', body) + 1;
        int end = start;
        while (end < request.length() && " />".indexOf(request.charAt(end)) < 0) {
            end++;
        }
        String name = request.substring(start, end);
        return name.substring(name.indexOf(':') + 1);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** A registry that records nothing; the session's health is what these tests check. */
    private static final class NoRegistry implements DeviceRegistry {
        @Override public void connected(String deviceId, String protocol) { }
        @Override public void contact(String deviceId, String protocol) { }
        @Override public void disconnected(String deviceId) { }
        @Override public void fixReceived(String deviceId) { }
        @Override public void error(String deviceId, DeviceErrorKind kind) { }
        @Override public void assign(String deviceId, String vehicleId) { }
        @Override public Optional<String> vehicleOf(String deviceId) { return Optional.empty(); }
        @Override public Optional<DeviceInfo> find(String deviceId) { return Optional.empty(); }
        @Override public List<DeviceInfo> list() { return List.of(); }
    }
}
