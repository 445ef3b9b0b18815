package org.rescuegrid.driver.onvif.internal;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.driver.onvif.CameraHealth;
import org.rescuegrid.driver.onvif.CameraView;
import org.rescuegrid.driver.onvif.StoredSnapshot;
import org.rescuegrid.onvif.DeviceInformation;
import org.rescuegrid.onvif.MediaProfile;
import org.rescuegrid.onvif.NotificationMessage;
import org.rescuegrid.onvif.OnvifConnection;
import org.rescuegrid.onvif.OnvifException;
import org.rescuegrid.onvif.OnvifFaultException;
import org.rescuegrid.onvif.OnvifServiceType;
import org.rescuegrid.onvif.OnvifUnreachableException;
import org.rescuegrid.onvif.PtzPreset;
import org.rescuegrid.onvif.PullMessagesResult;
import org.rescuegrid.onvif.PullPointSubscription;
import org.rescuegrid.onvif.Snapshot;
import org.rescuegrid.onvif.SnapshotClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's link to one camera, run as steps on the shared scheduler: connect (clock offset,
 * device information, service addresses, profile, media URIs), then pull events in a loop,
 * renewing the subscription when a third of its lifetime remains. A failure moves the camera to a
 * health state, logged once per change, and schedules a new attempt with a backoff from 1 s to 60 s.
 */
final class CameraSession {

    private static final Logger LOG = LoggerFactory.getLogger(CameraSession.class);

    static final String PROTOCOL = "onvif";
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration PTZ_MOVE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_PULL_TIMEOUT = Duration.ofSeconds(2);
    private static final int MESSAGE_LIMIT = 20;

    /** The camera's identity, profile and media URIs from the last successful connect. */
    private record Identity(DeviceInformation device, MediaProfile profile, URI streamUri, URI snapshotUri) {
    }

    /** Something that consumes a camera event; throws when the event cannot be stored. */
    @FunctionalInterface
    interface EventSink {
        void accept(DeviceEvent event);
    }

    private final CameraSettings settings;
    private final OnvifConnection connection;
    private final SnapshotClient snapshots;
    private final ScheduledExecutorService scheduler;
    private final DeviceRegistry registry;
    private final EventSink events;
    private final SnapshotStore store;
    private final Clock clock;
    private final Duration pullTimeout;

    private volatile CameraHealth health = CameraHealth.CONNECTING;
    private volatile String detail = "first connection not finished";
    private volatile Identity identity;
    private volatile Instant lastContact;
    private volatile Instant lastSnapshot;
    private PullPointSubscription subscription;
    private Duration backoff = MIN_BACKOFF;
    private ScheduledFuture<?> next;
    private boolean stopped;
    /**
     * Changes when a Hello or Bye restarts the chain of steps. Each step carries the epoch it was
     * scheduled in, and a step of an older epoch neither changes health nor schedules a successor.
     */
    private long epoch;

    CameraSession(CameraSettings settings, OnvifConnection connection, SnapshotClient snapshots,
            ScheduledExecutorService scheduler, DeviceRegistry registry, EventSink events, SnapshotStore store, Clock clock) {
        this.settings = settings;
        this.connection = connection;
        this.snapshots = snapshots;
        this.scheduler = scheduler;
        this.registry = registry;
        this.events = events;
        this.store = store;
        this.clock = clock;
        Duration shorterThanRequest = settings.requestTimeout().minusSeconds(1);
        this.pullTimeout = shorterThanRequest.compareTo(MAX_PULL_TIMEOUT) < 0 ? shorterThanRequest : MAX_PULL_TIMEOUT;
    }

    synchronized void start() {
        long current = epoch;
        schedule(current, () -> connect(current), Duration.ZERO);
    }

    /**
     * Reconnects at once after a WS-Discovery Hello, so that a camera that returns after a restart
     * or a network change does not wait out its backoff. A camera that is online, or whose first
     * connection is still running, is left alone.
     */
    synchronized void helloReceived() {
        if (stopped || health == CameraHealth.ONLINE || health == CameraHealth.CONNECTING) {
            LOG.debug("camera={} announced Hello while {}", settings.cameraId(), health);
            return;
        }
        long current = restart();
        backoff = MIN_BACKOFF;
        LOG.info("camera={} announced Hello, reconnecting now", settings.cameraId());
        schedule(current, () -> connect(current), Duration.ZERO);
    }

    /**
     * Marks the camera offline at once after a WS-Discovery Bye, ends its chain of steps and tries
     * again after the longest backoff, in case its Hello is lost.
     */
    synchronized void byeReceived() {
        if (stopped) {
            return;
        }
        long current = restart();
        CameraHealth previous = health;
        subscription = null;
        changeHealth(current, CameraHealth.UNREACHABLE, "camera announced WS-Discovery Bye (leaving the network);"
                + " it reconnects on its Hello or in " + MAX_BACKOFF.toSeconds() + " s", null);
        if (previous == CameraHealth.ONLINE || previous == CameraHealth.SUBSCRIPTION_LOST) {
            registry.disconnected(settings.cameraId());
        }
        backoff = MAX_BACKOFF;
        schedule(current, () -> connect(current), MAX_BACKOFF);
    }

    /** Starts a new epoch, so that a step still running for the old one has no effect, and returns it. */
    private long restart() {
        epoch++;
        if (next != null) {
            next.cancel(false);
        }
        return epoch;
    }

    /** Cancels the next step and ends the subscription; a step running now finishes but schedules nothing. */
    void stop() {
        PullPointSubscription current;
        synchronized (this) {
            stopped = true;
            restart();
            current = subscription;
            subscription = null;
        }
        if (current != null) {
            try {
                connection.events().unsubscribe(current);
            } catch (OnvifException e) {
                LOG.debug("camera={} unsubscribe on stop failed: {}", settings.cameraId(), e.getMessage());
            }
        }
        if (health == CameraHealth.ONLINE || health == CameraHealth.SUBSCRIPTION_LOST) {
            registry.disconnected(settings.cameraId());
        }
    }

    CameraView view() {
        Identity current = identity;
        return new CameraView(settings.cameraId(), settings.address(), health, detail,
                current == null ? null : current.device().manufacturer(),
                current == null ? null : current.device().model(),
                current == null ? null : current.device().firmwareVersion(),
                current == null ? null : current.device().serialNumber(),
                current == null ? null : current.profile().token(),
                current == null ? null : current.streamUri(),
                current == null ? null : current.snapshotUri(),
                current != null && current.profile().hasPtz() && connection.hasService(OnvifServiceType.PTZ),
                connection.clockOffset(), lastContact, lastSnapshot);
    }

    private void connect(long stepEpoch) {
        try {
            Optional<Duration> offset = connection.device().synchronizeClock();
            DeviceInformation device = connection.device().getDeviceInformation();
            connection.device().loadServiceAddresses();
            // TODO: use connection.media2() when the camera offers it, for Profile T cameras without media 1.0.
            MediaProfile profile = chooseProfile(connection.media().getProfiles());
            URI stream = connection.media().getStreamUri(profile.token()).uri();
            URI snapshot = connection.media().getSnapshotUri(profile.token()).uri();
            if (!isCurrent(stepEpoch)) {
                return;
            }
            identity = new Identity(device, profile, stream, snapshot);
            contact();
            registry.connected(settings.cameraId(), PROTOCOL);
            if (!settings.eventKinds().isEmpty()) {
                subscribe();
            }
            LOG.info("camera={} online: {} {} firmware {}, profile {} ({}x{} {}), clock offset {}", settings.cameraId(),
                    device.manufacturer(), device.model(), device.firmwareVersion(), profile.token(), profile.width(),
                    profile.height(), profile.videoEncoding(), offset.map(Duration::toString).orElse("not reported"));
            changeHealth(stepEpoch, CameraHealth.ONLINE, "", null);
            backoff = MIN_BACKOFF;
            if (settings.eventKinds().isEmpty()) {
                schedule(stepEpoch, () -> connect(stepEpoch), settings.subscriptionLifetime());
            } else {
                schedule(stepEpoch, () -> pull(stepEpoch), Duration.ZERO);
            }
        } catch (OnvifException e) {
            failed(stepEpoch, e);
        } catch (IllegalStateException e) {
            changeHealth(stepEpoch, CameraHealth.FAULT, e.getMessage(), null);
            retry(stepEpoch);
        }
    }

    private synchronized boolean isCurrent(long stepEpoch) {
        return !stopped && stepEpoch == epoch;
    }

    private void subscribe() throws OnvifException {
        PullPointSubscription created = connection.events().createPullPointSubscription(settings.subscriptionLifetime());
        synchronized (this) {
            subscription = created;
        }
        LOG.debug("camera={} subscribed at {} until {}", settings.cameraId(), created.address(), created.terminationTime());
    }

    /**
     * Sends PullMessages without blocking a scheduler thread while the camera waits for events. The
     * result is handled as the next step on the scheduler, because delivering events stores them.
     */
    private void pull(long stepEpoch) {
        PullPointSubscription current;
        synchronized (this) {
            current = subscription;
        }
        if (current == null) {
            return;
        }
        connection.events().pullMessagesAsync(current, pullTimeout, MESSAGE_LIMIT).whenComplete((result, error) ->
                schedule(stepEpoch, () -> pulled(stepEpoch, current, result, error), Duration.ZERO));
    }

    private void pulled(long stepEpoch, PullPointSubscription current, PullMessagesResult result, Throwable error) {
        try {
            if (error != null) {
                throw OnvifException.from(error);
            }
            contact();
            for (NotificationMessage message : result.messages()) {
                deliver(message);
            }
            Duration remaining = Duration.between(result.currentTime(), result.terminationTime());
            if (remaining.compareTo(settings.subscriptionLifetime().dividedBy(3)) < 0) {
                PullPointSubscription renewed = connection.events().renew(current, settings.subscriptionLifetime());
                synchronized (this) {
                    subscription = renewed;
                }
                LOG.debug("camera={} subscription renewed until {}", settings.cameraId(), renewed.terminationTime());
            }
            if (health != CameraHealth.ONLINE) {
                changeHealth(stepEpoch, CameraHealth.ONLINE, "", null);
            }
            backoff = MIN_BACKOFF;
            schedule(stepEpoch, () -> pull(stepEpoch), Duration.ZERO);
        } catch (OnvifUnreachableException e) {
            failed(stepEpoch, e);
        } catch (OnvifException e) {
            if (e.isAuthenticationFailure()) {
                failed(stepEpoch, e);
                return;
            }
            if (!isCurrent(stepEpoch)) {
                return;
            }
            synchronized (this) {
                subscription = null;
            }
            changeHealth(stepEpoch, CameraHealth.SUBSCRIPTION_LOST, "event subscription failed and is being recreated: "
                    + e.getMessage(), e);
            schedule(stepEpoch, () -> resubscribe(stepEpoch), nextBackoff());
        }
    }

    private void resubscribe(long stepEpoch) {
        try {
            subscribe();
            changeHealth(stepEpoch, CameraHealth.ONLINE, "", null);
            backoff = MIN_BACKOFF;
            schedule(stepEpoch, () -> pull(stepEpoch), Duration.ZERO);
        } catch (OnvifUnreachableException e) {
            failed(stepEpoch, e);
        } catch (OnvifException e) {
            if (e.isAuthenticationFailure()) {
                failed(stepEpoch, e);
                return;
            }
            changeHealth(stepEpoch, CameraHealth.SUBSCRIPTION_LOST, "event subscription cannot be created: "
                    + e.getMessage(), e);
            schedule(stepEpoch, () -> resubscribe(stepEpoch), nextBackoff());
        }
    }

    private void deliver(NotificationMessage message) {
        Optional<EventKind> kind = EventKind.fromTopicPath(message.topicPath());
        if (kind.isEmpty() || !settings.eventKinds().contains(kind.get())) {
            LOG.debug("camera={} ignored event topic {}", settings.cameraId(), message.topic());
            return;
        }
        Optional<String> state = state(message.data());
        if ("Initialized".equals(message.propertyOperation()) && !"true".equals(state.orElse(""))) {
            return;
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("topic", message.topicPath());
        state.ifPresent(value -> attributes.put("state", value));
        if (!message.propertyOperation().isEmpty()) {
            attributes.put("propertyOperation", message.propertyOperation());
        }
        message.source().forEach((name, value) -> attributes.put("source." + name, value));
        message.data().forEach((name, value) -> attributes.put("data." + name, value));
        Instant time = message.utcTime() == null ? clock.instant() : message.utcTime().minus(connection.clockOffset());
        attributes.put("cameraTime", String.valueOf(message.utcTime()));
        try {
            events.accept(new DeviceEvent(settings.cameraId(), kind.get().eventType(), time, attributes));
        } catch (RuntimeException e) {
            registry.error(settings.cameraId(), DeviceErrorKind.STORE_FAILED);
            LOG.warn("camera={} {} event at {} could not be stored and is lost: {}", settings.cameraId(),
                    kind.get().key(), time, e.getMessage());
        }
    }

    /** Returns the value of the first boolean Data item, such as IsMotion, State or IsTamper. */
    private static Optional<String> state(Map<String, String> data) {
        return data.values().stream()
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("true") || value.equals("false"))
                .findFirst();
    }

    StoredSnapshot snapshot(String incidentId) {
        Identity current = requireOnline();
        try {
            Instant takenAt = clock.instant();
            Snapshot snapshot = snapshots.fetch(current.snapshotUri(), settings.username(), settings.password());
            StoredSnapshot stored = store.store(settings.cameraId(), takenAt, current.profile().token(),
                    snapshot.contentType(), snapshot.image(), incidentId);
            lastSnapshot = takenAt;
            contact();
            LOG.info("camera={} snapshot {} stored ({} bytes{})", settings.cameraId(), stored.snapshotId(),
                    stored.sizeBytes(), incidentId == null ? "" : ", incident=" + incidentId);
            return stored;
        } catch (OnvifException e) {
            throw new IllegalStateException("camera " + settings.cameraId() + " snapshot from " + current.snapshotUri()
                    + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("camera " + settings.cameraId() + " snapshot could not be stored: "
                    + e.getMessage(), e);
        }
    }

    void ptzMove(double pan, double tilt, double zoom) {
        String profile = requirePtz();
        call("PTZ move", () -> connection.ptz().continuousMove(profile, pan, tilt, zoom, PTZ_MOVE_TIMEOUT));
    }

    void ptzStop() {
        String profile = requirePtz();
        call("PTZ stop", () -> connection.ptz().stop(profile));
    }

    void ptzPreset(String preset) {
        String profile = requirePtz();
        List<PtzPreset> presets = presets(profile);
        PtzPreset target = presets.stream()
                .filter(p -> p.name().equalsIgnoreCase(preset) || p.token().equals(preset))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("camera " + settings.cameraId() + " has no preset '"
                        + preset + "'; its presets are " + presets.stream().map(PtzPreset::name).toList()));
        call("PTZ go to preset", () -> connection.ptz().gotoPreset(profile, target.token()));
    }

    List<String> ptzPresets() {
        return presets(requirePtz()).stream().map(PtzPreset::name).toList();
    }

    private List<PtzPreset> presets(String profile) {
        try {
            return connection.ptz().getPresets(profile);
        } catch (OnvifException e) {
            throw new IllegalStateException("camera " + settings.cameraId() + " PTZ presets failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface CameraCall {
        void run() throws OnvifException;
    }

    private void call(String what, CameraCall action) {
        try {
            action.run();
            contact();
        } catch (OnvifException e) {
            throw new IllegalStateException("camera " + settings.cameraId() + " " + what + " failed: " + e.getMessage(), e);
        }
    }

    private Identity requireOnline() {
        Identity current = identity;
        if (current == null || health == CameraHealth.UNREACHABLE || health == CameraHealth.AUTHENTICATION_FAILED) {
            throw new IllegalStateException("camera " + settings.cameraId() + " is " + health.name().toLowerCase(Locale.ROOT)
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        return current;
    }

    private String requirePtz() {
        Identity current = requireOnline();
        if (!current.profile().hasPtz() || !connection.hasService(OnvifServiceType.PTZ)) {
            throw new IllegalStateException("camera " + settings.cameraId() + " profile " + current.profile().token()
                    + " has no PTZ");
        }
        return current.profile().token();
    }

    private MediaProfile chooseProfile(List<MediaProfile> profiles) {
        if (profiles.isEmpty()) {
            throw new IllegalStateException("camera reports no media profile");
        }
        if (settings.profile().isEmpty()) {
            return profiles.get(0);
        }
        return profiles.stream().filter(p -> p.token().equals(settings.profile())).findFirst()
                .orElseThrow(() -> new IllegalStateException("camera has no profile '" + settings.profile()
                        + "' (profile in " + CameraSettings.PID + "); its profiles are "
                        + profiles.stream().map(MediaProfile::token).toList()));
    }

    private void failed(long stepEpoch, OnvifException error) {
        if (!isCurrent(stepEpoch)) {
            return;
        }
        CameraHealth previous = health;
        if (error instanceof OnvifUnreachableException) {
            changeHealth(stepEpoch, CameraHealth.UNREACHABLE, "no response from " + settings.address() + ": " + error.getMessage(), error);
        } else if (error.isAuthenticationFailure()) {
            changeHealth(stepEpoch, CameraHealth.AUTHENTICATION_FAILED, "camera rejected user " + settings.username()
                    + "; check username and password in " + CameraSettings.PID + ": " + error.getMessage(), error);
        } else if (error instanceof OnvifFaultException fault) {
            changeHealth(stepEpoch, CameraHealth.FAULT, "camera returned SOAP fault " + fault.code() + " " + fault.subcodes()
                    + ": " + fault.reason(), error);
        } else {
            changeHealth(stepEpoch, CameraHealth.FAULT, error.getMessage(), error);
        }
        if (previous == CameraHealth.ONLINE || previous == CameraHealth.SUBSCRIPTION_LOST) {
            registry.disconnected(settings.cameraId());
        }
        synchronized (this) {
            subscription = null;
        }
        retry(stepEpoch);
    }

    private void retry(long stepEpoch) {
        schedule(stepEpoch, () -> connect(stepEpoch), nextBackoff());
    }

    private Duration nextBackoff() {
        Duration current = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        return current;
    }

    /** Logs a health change once: INFO when the camera recovers, WARN when it fails; repeats go to DEBUG. */
    private synchronized void changeHealth(long stepEpoch, CameraHealth state, String sentence, Exception cause) {
        if (stepEpoch != epoch) {
            return;
        }
        CameraHealth previous = health;
        detail = sentence;
        health = state;
        if (previous == state) {
            LOG.debug("camera={} still {}: {}", settings.cameraId(), state, sentence);
            return;
        }
        if (state == CameraHealth.ONLINE) {
            if (previous != CameraHealth.CONNECTING) {
                LOG.info("camera={} recovered from {}", settings.cameraId(), previous);
            }
            return;
        }
        LOG.warn("camera={} {}: {}", settings.cameraId(), state, sentence);
    }

    private void contact() {
        lastContact = clock.instant();
        registry.contact(settings.cameraId(), PROTOCOL);
    }

    private synchronized void schedule(long stepEpoch, Runnable step, Duration delay) {
        if (stopped || stepEpoch != epoch) {
            return;
        }
        next = scheduler.schedule(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("camera={} step failed unexpectedly, retrying in {}: {}", settings.cameraId(), MAX_BACKOFF, e.toString(), e);
                schedule(stepEpoch, () -> connect(stepEpoch), MAX_BACKOFF);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
