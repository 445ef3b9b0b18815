package org.rescuegrid.driver.radio.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.rescuegrid.driver.radio.internal.GatewayStatus.State;
import org.rescuegrid.driver.radio.internal.RadioBrowser.RadioNode;
import org.rescuegrid.driver.support.RepeatLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway connection: connects on the shared scheduler, browses the radios, subscribes to their
 * variables and turns each change into a {@link RadioSnapshot} for the listener. The same subscription
 * contains an event item on the Server object for the gateway's emergency-button and radio-offline events,
 * which become {@link RadioAlert}s, so the events come back with the data whenever the subscription is
 * restored or created anew.
 *
 * <p>Connection attempts are timed on the scheduler and run on the worker pool (Milo's shared ones in
 * Karaf). Until the first connection succeeds it retries with a delay that starts at the configured initial
 * delay and doubles up to the configured maximum. Once connected, Milo's session state machine reconnects by itself; when the
 * gateway lost the subscription (it restarted), the driver browses again and subscribes anew. A radio
 * whose values are unchanged after a reconnect is not reported again. Each state change is logged once;
 * a failure that repeats on every retry is logged again only when its reason changes.
 */
final class GatewayClient {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);
    /** Queue of the status code item, so status changes made within one publishing interval are all delivered. */
    private static final int STATUS_QUEUE_SIZE = 10;
    /** Queue of the event item, so a burst of radio events within one publishing interval is delivered whole. */
    private static final int EVENT_QUEUE_SIZE = 100;

    private final RadioGatewaySettings settings;
    private final Path securityFolder;
    private final RadioListener listener;
    private final ScheduledExecutorService scheduler;
    private final Executor worker;
    /** Radio states by object node id, kept across reconnects so that repeated values are not reported twice. */
    private final Map<String, RadioState> radios = new ConcurrentHashMap<>();

    private ClientSecurity security;
    private OpcUaClient client;
    private OpcUaSubscription subscription;
    private ScheduledFuture<?> pending;
    private int failedAttempts;
    private String lastFailure;
    private State state = State.CONNECTING;
    private String detail = "not connected yet";
    private Instant since = Instant.now();
    private Instant lostAt;
    private long reconnects;
    private int monitoredItems;
    /** Browse names of the gateway event types the subscription follows, empty when it follows none. */
    private List<String> eventTypeNames = List.of();
    private final RepeatLimiter unknownEventSources = new RepeatLimiter();
    private boolean stopped;

    /**
     * @param scheduler timer for connection attempts; the tasks it runs only hand work to {@code worker}
     * @param worker pool that runs the blocking discovery, connection, browse and subscription calls
     */
    GatewayClient(RadioGatewaySettings settings, Path securityFolder, RadioListener listener, ScheduledExecutorService scheduler,
            Executor worker) {
        this.settings = settings;
        this.securityFolder = securityFolder;
        this.listener = listener;
        this.scheduler = scheduler;
        this.worker = worker;
    }

    /** Schedules the first connection attempt and returns at once. */
    synchronized void start() {
        LOG.info("gateway={} connecting to {} with {} as {}", settings.name(), settings.endpointUrl(), settings.security(),
                settings.identityLabel());
        pending = scheduler.schedule(this::connectInBackground, 0, TimeUnit.MILLISECONDS);
    }

    /** Cancels pending attempts and closes the session. A connection attempt that is still running is discarded when it ends. */
    void stop() {
        OpcUaClient closing;
        synchronized (this) {
            stopped = true;
            if (pending != null) {
                pending.cancel(false);
            }
            closing = client;
            client = null;
            subscription = null;
            setState(State.STOPPED, "stopped");
        }
        if (closing != null) {
            try {
                closing.disconnectAsync().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("gateway={} session did not close cleanly: {}", settings.name(), e.toString());
            }
        }
        LOG.info("gateway={} stopped", settings.name());
    }

    synchronized GatewayStatus status() {
        return new GatewayStatus(settings.name(), settings.endpointUrl(), settings.security(), settings.identityLabel(), state, detail,
                radios.size(), monitoredItems, eventTypeNames, reconnects, settings.reconnectDelays(), since);
    }

    List<RadioSnapshot> radios() {
        List<RadioSnapshot> snapshots = new ArrayList<>();
        for (RadioState radio : radios.values()) {
            RadioSnapshot snapshot = radio.snapshot();
            if (snapshot.radioId() != null) {
                snapshots.add(snapshot);
            }
        }
        return snapshots;
    }

    Optional<RadioState> radio(String radioId) {
        return radios.values().stream().filter(radio -> radioId.equals(radio.radioId())).findFirst();
    }

    /**
     * Calls the radio's SendText method with a message.
     *
     * @throws IllegalArgumentException when the radio is not on this gateway or the gateway offers no SendText method for it
     * @throws IllegalStateException when the gateway is not connected or rejects the call
     */
    void sendText(String radioId, String text) {
        RadioState radio = radio(radioId).orElseThrow(() -> new IllegalArgumentException(
                "radio " + radioId + " is not on gateway " + settings.name()));
        if (radio.sendTextMethodId() == null) {
            throw new IllegalArgumentException("gateway " + settings.name() + " offers no " + RadioBrowser.SEND_TEXT
                    + " method on radio " + radioId);
        }
        OpcUaClient current;
        synchronized (this) {
            current = state == State.ONLINE ? client : null;
        }
        if (current == null) {
            throw new IllegalStateException("gateway " + settings.name() + " is not connected (" + state + "); try again when it is online");
        }
        CallMethodResult result;
        try {
            result = current.callAsync(List.of(new CallMethodRequest(radio.objectId(), radio.sendTextMethodId(),
                    new Variant[] {new Variant(text)}))).get(ClientFactory.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS).getResults()[0];
        } catch (Exception e) {
            throw new IllegalStateException("gateway " + settings.name() + " did not complete " + RadioBrowser.SEND_TEXT + " for radio "
                    + radioId + ": " + FailureReason.describe(e), e);
        }
        if (!result.getStatusCode().isGood()) {
            throw new IllegalStateException("gateway " + settings.name() + " rejected " + RadioBrowser.SEND_TEXT + " for radio " + radioId
                    + ": " + FailureReason.describe(result.getStatusCode()));
        }
        LOG.info("gateway={} device={} text message of {} characters sent", settings.name(), radioId, text.length());
    }

    /** Hands the blocking connection attempt to the worker pool, so the scheduler's few threads keep their timing. */
    private void connectInBackground() {
        worker.execute(this::connect);
    }

    private void connect() {
        OpcUaClient candidate = null;
        try {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                if (settings.secured() && security == null) {
                    security = ClientSecurity.open(securityFolder);
                }
            }
            candidate = ClientFactory.create(settings, security);
            candidate.connect();
            List<RadioNode> nodes = RadioBrowser.browse(candidate, settings.radiosPath());
            synchronized (this) {
                if (stopped) {
                    candidate.disconnectAsync();
                    return;
                }
                client = candidate;
            }
            candidate.addSessionActivityListener(new SessionWatcher());
            subscribe(candidate, nodes);
            synchronized (this) {
                failedAttempts = 0;
                lastFailure = null;
                setState(State.ONLINE, "");
            }
            LOG.info("gateway={} connected to {} ({}): {} radios, {} monitored items, publishing every {} ms", settings.name(),
                    settings.endpointUrl(), settings.security(), nodes.size(), monitoredItems, settings.publishingIntervalMs());
        } catch (Exception e) {
            if (candidate != null) {
                candidate.disconnectAsync();
            }
            connectFailed(e);
        }
    }

    private void connectFailed(Exception error) {
        String reason = describeFailure(error);
        long delaySeconds;
        synchronized (this) {
            if (stopped) {
                return;
            }
            client = null;
            failedAttempts++;
            delaySeconds = settings.reconnectDelaySeconds(failedAttempts);
            setState(State.OFFLINE, reason);
            if (!reason.equals(lastFailure)) {
                LOG.warn("gateway={} cannot connect to {}: {}; retrying after {} s, then up to every {} s", settings.name(),
                        settings.endpointUrl(), reason, delaySeconds, settings.maxReconnectDelaySeconds());
                LOG.debug("gateway={} connection failure", settings.name(), error);
                lastFailure = reason;
            } else {
                LOG.debug("gateway={} attempt {} failed again: {}", settings.name(), failedAttempts, reason);
            }
            pending = scheduler.schedule(this::connectInBackground, delaySeconds, TimeUnit.SECONDS);
        }
    }

    private String describeFailure(Exception error) {
        Optional<X509Certificate> rejected = security == null ? Optional.empty() : security.takeRejected();
        if (rejected.isPresent()) {
            X509Certificate certificate = rejected.get();
            String file = security.rejectedFile(certificate).map(Path::toString).orElse("the rejected folder");
            return "the gateway's certificate (" + certificate.getSubjectX500Principal().getName() + ", SHA-1 "
                    + ClientSecurity.thumbprint(certificate) + ") is not trusted; to trust it run: mv " + file + " "
                    + security.trustedFolder() + "/";
        }
        if (settings.userCertificate() != null) {
            return FailureReason.describeWithUserCertificate(error, settings.userCertificate().subject());
        }
        return FailureReason.describe(error);
    }

    /** Creates a subscription with one monitored item per radio variable, replacing the previous one. */
    private void subscribe(OpcUaClient current, List<RadioNode> nodes) throws Exception {
        OpcUaSubscription created = new OpcUaSubscription(current, settings.publishingIntervalMs());
        created.setSubscriptionListener(new Deliveries());
        created.create();

        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (RadioNode node : nodes) {
            if (!node.variables().keySet().containsAll(requiredVariables())) {
                LOG.warn("gateway={} object {} ({}) lacks {} and is skipped", settings.name(), node.browseName(),
                        node.objectId().toParseableString(), requiredVariables());
                continue;
            }
            RadioState radio = radios.computeIfAbsent(node.objectId().toParseableString(),
                    id -> new RadioState(settings.name(), node.objectId(), node.sendTextMethod(), settings.statusTable()));
            node.variables().forEach((variable, nodeId) -> {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodeId);
                item.setSamplingInterval(settings.publishingIntervalMs());
                if (variable == RadioVariable.STATUS_CODE) {
                    item.setQueueSize(uint(STATUS_QUEUE_SIZE));
                }
                item.setUserObject(new Binding(radio, variable));
                items.add(item);
            });
        }
        RadioEventTypes eventTypes = eventTypes(current);
        OpcUaMonitoredItem eventItem = null;
        if (!eventTypes.isEmpty()) {
            eventItem = OpcUaMonitoredItem.newEventItem(NodeIds.Server,
                    eventTypes.filter(current.getStaticEncodingContext(), true));
            eventItem.setQueueSize(uint(EVENT_QUEUE_SIZE));
            eventItem.setUserObject(eventTypes);
            items.add(eventItem);
        }
        created.addMonitoredItems(items);
        int accepted = items.size();
        try {
            created.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            accepted = (int) items.stream().filter(item -> item.getCreateResult().map(StatusCode::isGood).orElse(false)).count();
            LOG.warn("gateway={} accepted {} of {} monitored items; the others report nothing", settings.name(), accepted, items.size());
        }
        if (eventItem != null) {
            checkEventFilter(created, eventItem, eventTypes, current);
        }
        OpcUaSubscription previous;
        synchronized (this) {
            previous = subscription;
            subscription = created;
            monitoredItems = accepted;
            eventTypeNames = eventTypes.names();
        }
        if (previous != null) {
            previous.deleteAsync();
        }
    }

    /**
     * Falls back to a filter without where clause when the gateway rejects a part of it, because a server may then
     * deliver no events at all. Events of other types are then dropped by {@link RadioEventTypes#read}.
     */
    private void checkEventFilter(OpcUaSubscription created, OpcUaMonitoredItem eventItem, RadioEventTypes eventTypes,
            OpcUaClient current) throws UaException {
        Optional<String> rejected = eventTypes.rejectedFilterParts(eventItem.getFilterResult().orElse(null), current.getStaticEncodingContext());
        if (rejected.isEmpty()) {
            return;
        }
        LOG.info("gateway={} rejected parts of the event filter ({}); subscribing to its events without a where clause", settings.name(),
                rejected.get());
        eventItem.setFilter(eventTypes.filter(current.getStaticEncodingContext(), false));
        try {
            created.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            LOG.warn("gateway={} rejected the event item: {}", settings.name(), e.getMessage());
        }
        eventTypes.rejectedFilterParts(eventItem.getFilterResult().orElse(null), current.getStaticEncodingContext())
                .ifPresent(still -> LOG.warn("gateway={} rejected parts of the event filter ({}); it may deliver no radio events",
                        settings.name(), still));
    }

    /** Finds the configured event types on the gateway and logs once per connection which ones it follows. */
    private RadioEventTypes eventTypes(OpcUaClient current) throws Exception {
        if (settings.emergencyEventType() == null && settings.radioOfflineEventType() == null) {
            return RadioEventTypes.none();
        }
        RadioEventTypes found = RadioEventTypes.resolve(current, settings.emergencyEventType(), settings.radioOfflineEventType());
        if (found.isEmpty()) {
            LOG.info("gateway={} has no event type named {} or {} below BaseEventType; its radio events are not followed", settings.name(),
                    settings.emergencyEventType(), settings.radioOfflineEventType());
        } else {
            LOG.info("gateway={} following events of {} through the Server object", settings.name(), found.names());
        }
        return found;
    }

    /** Browses and subscribes again on the current session, after the gateway lost the subscription. */
    private void resubscribe() {
        OpcUaClient current;
        synchronized (this) {
            current = stopped ? null : client;
        }
        if (current == null) {
            return;
        }
        try {
            List<RadioNode> nodes = RadioBrowser.browse(current, settings.radiosPath());
            subscribe(current, nodes);
            LOG.info("gateway={} subscription restored: {} radios, {} monitored items", settings.name(), nodes.size(), monitoredItems);
        } catch (Exception e) {
            String reason = FailureReason.describe(e);
            LOG.warn("gateway={} could not restore the subscription: {}; retrying in {} s", settings.name(), reason,
                    settings.maxReconnectDelaySeconds());
            synchronized (this) {
                setState(State.OFFLINE, "subscription not restored: " + reason);
                if (!stopped) {
                    pending = scheduler.schedule(() -> worker.execute(this::resubscribeAndMarkOnline), settings.maxReconnectDelaySeconds(),
                            TimeUnit.SECONDS);
                }
            }
        }
    }

    private void resubscribeAndMarkOnline() {
        resubscribe();
        synchronized (this) {
            if (state == State.OFFLINE && detail.startsWith("subscription not restored") && subscription != null) {
                setState(State.ONLINE, "");
            }
        }
    }

    private static Set<RadioVariable> requiredVariables() {
        Set<RadioVariable> required = new LinkedHashSet<>();
        for (RadioVariable variable : RadioVariable.values()) {
            if (variable.required()) {
                required.add(variable);
            }
        }
        return required;
    }

    private void setState(State next, String nextDetail) {
        if (next != state) {
            since = Instant.now();
        }
        state = next;
        detail = nextDetail;
    }

    private void delivered(List<OpcUaMonitoredItem> items, List<DataValue> values) {
        Instant now = Instant.now();
        Set<RadioState> touched = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Binding binding = (Binding) items.get(i).getUserObject().orElse(null);
            DataValue value = values.get(i);
            if (binding == null || value == null) {
                continue;
            }
            if (value.getStatusCode() != null && !value.getStatusCode().isGood()) {
                LOG.debug("gateway={} {} of {} has status {}", settings.name(), binding.variable(), binding.radio().radioId(),
                        value.getStatusCode());
                continue;
            }
            if (!binding.radio().update(binding.variable(), value.getValue(), now)) {
                LOG.warn("gateway={} device={} {} has a value of unexpected type {} and was dropped", settings.name(),
                        binding.radio().radioId(), binding.variable().browseName(), value.getValue().getValue().getClass().getSimpleName());
                continue;
            }
            touched.add(binding.radio());
        }
        for (RadioState radio : touched) {
            String radioId = radio.radioId();
            if (radioId == null) {
                continue;
            }
            listener.radioHeard(radioId);
            RadioSnapshot change = radio.takeChange();
            if (change != null) {
                listener.radioChanged(change);
            }
        }
    }

    private void eventsDelivered(List<OpcUaMonitoredItem> items, List<Variant[]> fields) {
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i).getUserObject().orElse(null) instanceof RadioEventTypes types)) {
                continue;
            }
            Optional<RadioEventTypes.RawEvent> read = types.read(fields.get(i));
            if (read.isEmpty()) {
                LOG.debug("gateway={} event of another type ignored", settings.name());
                continue;
            }
            RadioEventTypes.RawEvent event = read.get();
            String radioId = event.radioId() != null ? event.radioId() : radioIdOf(event.sourceNode());
            if (radioId == null) {
                long count = unknownEventSources.increment();
                if (unknownEventSources.shouldLog(count)) {
                    LOG.warn("gateway={} {} event without RadioId from source {} ({}) matches no radio and was dropped ({} so far)",
                            settings.name(), event.kind(), event.sourceNode() == null ? "none" : event.sourceNode().toParseableString(),
                            event.sourceName(), count);
                }
                continue;
            }
            Instant time = event.time() != null ? event.time() : Instant.now();
            listener.radioAlert(new RadioAlert(event.kind(), radioId, settings.name(), time, event.severity(), event.message(),
                    event.sourceName()));
        }
    }

    /** Returns the radio id of a radio object, or null when the node is not a radio of this gateway or its id is not known yet. */
    private String radioIdOf(NodeId objectId) {
        RadioState radio = objectId == null ? null : radios.get(objectId.toParseableString());
        return radio == null ? null : radio.radioId();
    }

    /** Links a monitored item to the radio and variable it reports. */
    private record Binding(RadioState radio, RadioVariable variable) {
    }

    private final class Deliveries implements OpcUaSubscription.SubscriptionListener {

        @Override
        public void onDataReceived(OpcUaSubscription source, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            delivered(items, values);
        }

        @Override
        public void onEventReceived(OpcUaSubscription source, List<OpcUaMonitoredItem> items, List<Variant[]> fields) {
            eventsDelivered(items, fields);
        }

        @Override
        public void onTransferFailed(OpcUaSubscription source, StatusCode status) {
            LOG.info("gateway={} lost the subscription ({}); browsing and subscribing again", settings.name(), status);
            worker.execute(GatewayClient.this::resubscribe);
        }

        @Override
        public void onNotificationDataLost(OpcUaSubscription source) {
            LOG.warn("gateway={} reported lost notifications; values missed in between are not reported", settings.name());
        }
    }

    private final class SessionWatcher implements SessionActivityListener {

        @Override
        public void onSessionInactive(UaSession session) {
            List<String> unreachable = new ArrayList<>();
            synchronized (GatewayClient.this) {
                if (stopped || state != State.ONLINE) {
                    return;
                }
                lostAt = Instant.now();
                setState(State.RECONNECTING, "connection lost at " + lostAt + "; reconnecting");
            }
            for (RadioState radio : radios.values()) {
                radio.setOnline(false);
                if (radio.radioId() != null) {
                    unreachable.add(radio.radioId());
                }
            }
            LOG.info("gateway={} connection to {} lost; reconnecting", settings.name(), settings.endpointUrl());
            listener.radiosUnreachable(unreachable);
        }

        @Override
        public void onSessionActive(UaSession session) {
            Duration gap;
            synchronized (GatewayClient.this) {
                if (stopped || state != State.RECONNECTING) {
                    return;
                }
                reconnects++;
                gap = Duration.between(lostAt, Instant.now());
                setState(State.ONLINE, "");
            }
            LOG.info("gateway={} reconnected to {} after {} s without data", settings.name(), settings.endpointUrl(), gap.toSeconds());
        }
    }
}
