package org.rescuegrid.devices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.device.DeviceStore;
import org.rescuegrid.api.device.KnownDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps device health in memory and device identity in the database. Last contact is written to the
 * database by a background thread every {@link #PERSIST_INTERVAL}, for all devices heard from since in one
 * transaction: a tracker reports every few seconds, and a write per report would add a database commit
 * per fix for a value the console reads from memory anyway. The drivers call this registry from their
 * network threads, which must not wait for the disk, so a device seen for the first time is written by
 * the same thread within {@link #REGISTER_INTERVAL}, together with the others that appeared meanwhile. A
 * device with a vehicle assigned in the configuration is written at once instead, so that its first fix
 * is already stored with its vehicle.
 */
@Component(service = DeviceRegistry.class, immediate = true)
public class DeviceRegistryService implements DeviceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistryService.class);
    static final Duration PERSIST_INTERVAL = Duration.ofSeconds(30);
    static final Duration REGISTER_INTERVAL = Duration.ofMillis(200);

    private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();
    private final DeviceStore store;
    private final Clock clock;
    private volatile Map<String, String> configuredAssignments = Map.of();
    private final Queue<DeviceState> unregistered = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService contactWriter;
    private long failedRegistrations;
    private long failedContactWrites;

    @Activate
    public DeviceRegistryService(@Reference DeviceStore store) {
        this(store, Clock.systemUTC());
        contactWriter = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "rescuegrid-device-contact-writer"));
        schedule(this::persistContacts, "the devices' last contact", PERSIST_INTERVAL);
        schedule(this::registerNewDevices, "new devices", REGISTER_INTERVAL);
    }

    /** Creates a registry with assignments already bound, for tests. */
    DeviceRegistryService(DeviceStore store, DevicesConfig config, Clock clock) {
        this(store, clock);
        bindAssignments(new ConfiguredAssignments(config));
    }

    DeviceRegistryService(DeviceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;

        for (KnownDevice known : store.all()) {
            DeviceState state = new DeviceState(known.deviceId(), known.protocol());
            state.inTable = true;
            state.vehicleId = known.vehicleId();
            state.firstSeen = known.firstSeen();
            state.lastContact = known.lastContact();
            state.lastPersisted = known.lastContact();
            devices.put(known.deviceId(), state);
        }
        LOG.info("Device registry started with {} known devices", devices.size());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindAssignments(VehicleAssignments assignments) {
        configuredAssignments = assignments.byDevice();
        configuredAssignments.forEach((deviceId, vehicleId) -> {
            if (devices.containsKey(deviceId)) {
                applyAssignment(deviceId, vehicleId);
            }
        });
    }

    void unbindAssignments(VehicleAssignments assignments) {
        // Assignments already applied stay in the database; only devices seen from now on lose the configured default.
        if (configuredAssignments == assignments.byDevice()) {
            configuredAssignments = Map.of();
        }
    }

    @Deactivate
    void deactivate() {
        if (contactWriter != null) {
            contactWriter.shutdown();
            try {
                contactWriter.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int registered = registerNewDevices();
        int saved = persistContacts();
        LOG.info("Device registry stopped; {} new devices and the last contact of {} devices saved", registered, saved);
    }

    @Override
    public void connected(String deviceId, String protocol) {
        DeviceState state = touch(deviceId, protocol);
        int connections = state.connections.incrementAndGet();
        LOG.info("device={} connected over {} ({} open connections)", deviceId, protocol, connections);
    }

    @Override
    public void contact(String deviceId, String protocol) {
        touch(deviceId, protocol);
    }

    @Override
    public void disconnected(String deviceId) {
        DeviceState state = devices.get(deviceId);
        if (state == null) {
            return;
        }
        int connections = state.connections.updateAndGet(open -> Math.max(0, open - 1));
        LOG.info("device={} disconnected ({} open connections)", deviceId, connections);
    }

    @Override
    public void fixReceived(String deviceId) {
        DeviceState state = devices.get(deviceId);
        if (state != null) {
            state.fixes.incrementAndGet();
        }
    }

    @Override
    public void error(String deviceId, DeviceErrorKind kind) {
        DeviceState state = devices.get(deviceId);
        if (state != null) {
            state.countError(kind);
        }
    }

    @Override
    public void assign(String deviceId, String vehicleId) {
        if (vehicleId != null && !Assignments.ID.matcher(vehicleId).matches()) {
            throw new IllegalArgumentException("vehicle id '" + vehicleId
                    + "' is invalid; use 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
        if (!devices.containsKey(deviceId)) {
            throw new IllegalArgumentException("device '" + deviceId + "' is unknown; rescue:device-list shows the known devices");
        }
        applyAssignment(deviceId, vehicleId);
    }

    @Override
    public Optional<String> vehicleOf(String deviceId) {
        DeviceState state = devices.get(deviceId);
        return state == null ? Optional.empty() : Optional.ofNullable(state.vehicleId);
    }

    @Override
    public Optional<DeviceInfo> find(String deviceId) {
        DeviceState state = devices.get(deviceId);
        return state == null ? Optional.empty() : Optional.of(state.snapshot());
    }

    @Override
    public List<DeviceInfo> list() {
        return devices.values().stream()
                .map(DeviceState::snapshot)
                .sorted(Comparator.comparing(DeviceInfo::deviceId))
                .toList();
    }

    private DeviceState touch(String deviceId, String protocol) {
        Instant now = clock.instant();
        DeviceState state = devices.computeIfAbsent(deviceId, id -> register(id, protocol, now));
        state.protocol = protocol;
        state.lastContact = now;
        return state;
    }

    private DeviceState register(String deviceId, String protocol, Instant now) {
        DeviceState state = new DeviceState(deviceId, protocol);
        state.firstSeen = now;
        state.lastContact = now;
        String vehicleId = configuredAssignments.get(deviceId);
        if (vehicleId == null) {
            unregistered.add(state);
            LOG.info("device={} registered on first contact over {}", deviceId, protocol);
            return state;
        }

        store.upsert(deviceId, protocol, now);
        store.assign(deviceId, vehicleId);
        state.vehicleId = vehicleId;
        state.lastPersisted = now;
        state.inTable = true;
        LOG.info("device={} vehicle={} registered on first contact over {} and assigned from configuration", deviceId, vehicleId, protocol);
        return state;
    }

    /**
     * Writes the devices seen for the first time since the last run, in one transaction, and returns how
     * many. A failed write keeps them for the next run, with one WARN per failure streak.
     */
    int registerNewDevices() {
        List<DeviceState> batch = new ArrayList<>();
        for (DeviceState state = unregistered.poll(); state != null; state = unregistered.poll()) {
            batch.add(state);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<KnownDevice> rows = new ArrayList<>(batch.size());
        for (DeviceState state : batch) {
            rows.add(new KnownDevice(state.deviceId, state.protocol, state.vehicleId, state.firstSeen, state.lastContact));
        }
        try {
            store.registerAll(rows);
        } catch (RuntimeException e) {
            unregistered.addAll(batch);
            if (failedRegistrations++ == 0) {
                LOG.warn("{} new devices could not be written, first device={}; they stay in memory and are retried every {} ms: {}",
                        batch.size(), batch.get(0).deviceId, REGISTER_INTERVAL.toMillis(), e.getMessage());
            }
            return 0;
        }
        if (failedRegistrations > 0) {
            LOG.info("{} new devices written after {} failed attempts", batch.size(), failedRegistrations);
            failedRegistrations = 0;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).lastPersisted = rows.get(i).lastContact();
            batch.get(i).inTable = true;
        }
        return batch.size();
    }

    private void applyAssignment(String deviceId, String vehicleId) {
        DeviceState state = devices.get(deviceId);
        if (state == null || Objects.equals(state.vehicleId, vehicleId)) {
            return;
        }
        if (!state.inTable) {
            // Otherwise the waiting registration could write the device's row after this assignment, without it.
            registerNewDevices();
        }
        store.assign(deviceId, vehicleId);
        state.vehicleId = vehicleId;
        LOG.info("device={} vehicle={} assigned", deviceId, vehicleId);
    }

    /**
     * Writes the last contact of every device heard from since its last write, in one transaction, and
     * returns how many were written. A failed write leaves them to the next run. The WARN names how many
     * devices wait, once per failure streak, so a database outage does not log every thirty seconds.
     */
    int persistContacts() {
        Map<String, Instant> due = new HashMap<>();
        for (DeviceState state : devices.values()) {
            Instant lastContact = state.lastContact;
            if (state.inTable && lastContact != null && !lastContact.equals(state.lastPersisted)) {
                due.put(state.deviceId, lastContact);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        try {
            store.touchAll(due);
        } catch (RuntimeException e) {
            if (failedContactWrites++ == 0) {
                LOG.warn("Last contact of {} devices could not be saved; it stays in memory and is retried every {} s: {}",
                        due.size(), PERSIST_INTERVAL.toSeconds(), e.getMessage());
            }
            return 0;
        }
        if (failedContactWrites > 0) {
            LOG.info("Last contact of {} devices saved again after {} failed attempts", due.size(), failedContactWrites);
            failedContactWrites = 0;
        }
        due.forEach((deviceId, lastContact) -> devices.get(deviceId).lastPersisted = lastContact);
        return due.size();
    }

    /** Runs one of the writer's tasks every interval. */
    private void schedule(Runnable task, String records, Duration interval) {
        contactWriter.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again, which would stop every later write.
                LOG.error("Writing {} failed", records, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
