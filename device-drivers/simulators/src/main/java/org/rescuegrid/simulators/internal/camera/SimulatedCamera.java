package org.rescuegrid.simulators.internal.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * The behaviour of one simulated ONVIF camera, independent of the HTTP server that carries it:
 * SOAP requests of the device, media, PTZ and event services in, replies out.
 */
final class SimulatedCamera {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCamera.class);

    static final String MOTION_TOPIC = "tns1:RuleEngine/CellMotionDetector/Motion";
    static final String SUBSCRIPTION_PATH = "/onvif/subscription/";
    static final String SNAPSHOT_PATH = "/snapshot/";
    static final int RTSP_PORT = 8554;

    private static final Duration DEFAULT_TERMINATION = Duration.ofSeconds(60);
    private static final Duration MAX_PULL_TIMEOUT = Duration.ofSeconds(60);

    private final CameraSimulatorSettings settings;
    private final Clock hostClock;
    private final ScheduledExecutorService scheduler;
    private final String base;
    private final PtzState ptz = new PtzState();
    private final PullPoints pullPoints = new PullPoints();
    private final HttpAuthCheck httpAuth;
    private final AtomicBoolean motion = new AtomicBoolean();

    SimulatedCamera(CameraSimulatorSettings settings, Clock hostClock, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.hostClock = hostClock;
        this.scheduler = scheduler;
        this.base = "http://" + settings.host().getHostAddress() + ":" + settings.port();
        this.httpAuth = new HttpAuthCheck(settings.username(), settings.password());
    }

    Instant cameraNow() {
        return hostClock.instant().plus(settings.clockSkew());
    }

    /** Toggles the motion state and queues the event for every subscription. */
    void emitMotion() {
        boolean state = !motion.get();
        motion.set(state);
        pullPoints.expire(cameraNow());
        pullPoints.publish(new PullPoints.Event(MOTION_TOPIC, "MotionRule", "IsMotion", state, cameraNow()));
    }

    int subscriptionCount() {
        return pullPoints.size();
    }

    int waitingPulls() {
        return pullPoints.waitingPulls();
    }

    /** Handles a POST of a SOAP envelope to {@code path}. */
    CompletableFuture<Reply> soap(String path, byte[] body) {
        RequestXml request;
        try {
            request = RequestXml.parse(body);
        } catch (SAXException e) {
            return done(Reply.soap(400, SoapResponses.fault("env:Sender", "ter:WellFormed", "request is not XML: " + e.getMessage())));
        }
        String operation = request.operation();
        if (!operation.equals("GetSystemDateAndTime")) {
            Optional<String> rejected = UsernameTokenCheck.reject(request, settings.username(), settings.password(), cameraNow());
            if (rejected.isPresent()) {
                LOG.debug("camera={} rejected {}: {}", settings.name(), operation, rejected.get());
                return done(Reply.soap(400, SoapResponses.fault("env:Sender", "ter:NotAuthorized", "Sender not authorized")));
            }
            if (settings.behaviour() == CameraSimulatorSettings.Behaviour.FAULT) {
                return done(Reply.soap(500, SoapResponses.fault("env:Receiver", "ter:HardwareFailure",
                        "simulated hardware failure")));
            }
        }
        try {
            return dispatch(path, operation, request);
        } catch (IllegalArgumentException e) {
            return done(Reply.soap(400, SoapResponses.fault("env:Sender", "ter:InvalidArgVal", e.getMessage())));
        }
    }

    /** Handles a GET of a snapshot, after HTTP authentication. */
    Reply snapshot(String method, String path, String requestUri, String authorization) {
        String profile = path.substring(SNAPSHOT_PATH.length()).replace(".jpg", "");
        if (SoapResponses.PROFILES.stream().noneMatch(p -> p[0].equals(profile))) {
            return Reply.text(404, "no profile " + profile);
        }
        if (!httpAuth.accepts(method, requestUri, authorization)) {
            String basic = "Basic realm=\"" + HttpAuthCheck.REALM + "\"";
            return new Reply(401, "text/plain; charset=utf-8", new byte[0],
                    Map.of("WWW-Authenticate", List.of(httpAuth.challenge(), basic)));
        }
        double[] position = ptz.position(hostClock.instant());
        return new Reply(200, "image/jpeg", SnapshotImage.draw(position[0], position[1], position[2], cameraNow()), Map.of());
    }

    private CompletableFuture<Reply> dispatch(String path, String operation, RequestXml request) {
        Instant hostNow = hostClock.instant();
        return switch (operation) {
            case "GetSystemDateAndTime" -> ok(SoapResponses.systemDateAndTime(cameraNow()));
            case "GetDeviceInformation" -> ok(SoapResponses.deviceInformation(settings.name()));
            case "GetCapabilities" -> ok(SoapResponses.capabilities(base));
            case "GetServices" -> ok(SoapResponses.services(base));
            case "GetProfiles" -> ok(SoapResponses.profiles());
            case "GetStreamUri" -> ok(SoapResponses.mediaUri("GetStreamUri", "rtsp://" + settings.host().getHostAddress()
                    + ":" + RTSP_PORT + "/" + settings.name() + "/" + profile(request)));
            case "GetSnapshotUri" -> ok(SoapResponses.mediaUri("GetSnapshotUri", base + SNAPSHOT_PATH + profile(request) + ".jpg"));
            case "ContinuousMove" -> {
                ptz.continuousMove(velocity(request, "PanTilt", "x"), velocity(request, "PanTilt", "y"),
                        velocity(request, "Zoom", "x"), request.text("Timeout").map(SimulatedCamera::duration).orElse(null),
                        hostNow);
                yield ok(SoapResponses.empty("tptz", "ContinuousMove"));
            }
            case "Stop" -> {
                ptz.stop(hostNow);
                yield ok(SoapResponses.empty("tptz", "Stop"));
            }
            case "GotoPreset" -> {
                String token = request.text("PresetToken").orElse("");
                if (ptz.gotoPreset(token, hostNow).isEmpty()) {
                    yield done(Reply.soap(400, SoapResponses.fault("env:Sender", "ter:NoEntity", "no preset " + token)));
                }
                yield ok(SoapResponses.empty("tptz", "GotoPreset"));
            }
            case "GetPresets" -> ok(SoapResponses.presets());
            case "GetStatus" -> ok(SoapResponses.status(ptz.position(hostNow), cameraNow()));
            case "CreatePullPointSubscription" -> createSubscription(request);
            case "PullMessages" -> pull(path, request);
            case "Renew" -> renew(path, request);
            case "Unsubscribe" -> pullPoints.delete(subscriptionId(path))
                    ? ok(SoapResponses.empty("wsnt", "Unsubscribe"))
                    : unknownSubscription(path);
            default -> done(Reply.soap(400, SoapResponses.fault("env:Receiver", "ter:ActionNotSupported",
                    "operation " + operation + " is not supported by the simulator")));
        };
    }

    private CompletableFuture<Reply> createSubscription(RequestXml request) {
        Duration lifetime = request.text("InitialTerminationTime").map(SimulatedCamera::duration).orElse(DEFAULT_TERMINATION);
        Instant now = cameraNow();
        Instant termination = now.plus(lifetime);
        String id = pullPoints.create(termination);
        return ok(SoapResponses.subscription(base + SUBSCRIPTION_PATH + id, now, termination));
    }

    private CompletableFuture<Reply> pull(String path, RequestXml request) {
        String id = subscriptionId(path);
        pullPoints.expire(cameraNow());
        Duration timeout = request.text("Timeout").map(SimulatedCamera::duration).orElse(Duration.ZERO);
        if (timeout.compareTo(MAX_PULL_TIMEOUT) > 0) {
            timeout = MAX_PULL_TIMEOUT;
        }
        int limit = request.text("MessageLimit").map(Integer::parseInt).orElse(10);
        Optional<CompletableFuture<List<PullPoints.Event>>> events = pullPoints.pull(id, timeout, limit, scheduler);
        if (events.isEmpty()) {
            return unknownSubscription(path);
        }
        return events.get().thenApply(list -> {
            Instant termination = pullPoints.termination(id).orElse(cameraNow());
            return Reply.soap(200, SoapResponses.messages(list, cameraNow(), termination));
        });
    }

    private CompletableFuture<Reply> renew(String path, RequestXml request) {
        String id = subscriptionId(path);
        Duration lifetime = request.text("TerminationTime").map(SimulatedCamera::duration).orElse(DEFAULT_TERMINATION);
        Instant now = cameraNow();
        if (!pullPoints.renew(id, now.plus(lifetime))) {
            return unknownSubscription(path);
        }
        return ok(SoapResponses.renew(now, now.plus(lifetime)));
    }

    private CompletableFuture<Reply> unknownSubscription(String path) {
        return done(Reply.soap(400, SoapResponses.fault("env:Receiver", "wsrf-rw:ResourceUnknownFault",
                "no subscription at " + path)));
    }

    private static String subscriptionId(String path) {
        return path.startsWith(SUBSCRIPTION_PATH) ? path.substring(SUBSCRIPTION_PATH.length()) : "";
    }

    private static String profile(RequestXml request) {
        String token = request.text("ProfileToken").orElse("");
        if (SoapResponses.PROFILES.stream().noneMatch(p -> p[0].equals(token))) {
            throw new IllegalArgumentException("no profile " + token);
        }
        return token;
    }

    private static double velocity(RequestXml request, String element, String attribute) {
        String value = request.attribute(element, attribute).orElse("0");
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid velocity " + value);
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unsupported duration " + text + ", expected a form like PT60S");
        }
    }

    private static CompletableFuture<Reply> ok(String envelope) {
        return done(Reply.soap(200, envelope));
    }

    private static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
