package org.rescuegrid.devices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * database at most once a minute per device, because a tracker reports every second and a write per
 * fix would double the database load for a value the console reads from memory anyway.
 */
@Component(service = DeviceRegistry.class, immediate = true)
public class DeviceRegistryService implements DeviceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistryService.class);
    private static final Duration PERSIST_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();
    private final DeviceStore store;
    private final Clock clock;
    private volatile Map<String, String> configuredAssignments = Map.of();

    @Activate
    public DeviceRegistryService(@Reference DeviceStore store) {
        this(store, Clock.systemUTC());
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
        for (DeviceState state : devices.values()) {
            persistContact(state);
        }
        LOG.info("Device registry stopped");
    }

    @Override
    public void connected(String deviceId, String protocol) {
        DeviceState state = touch(deviceId, protocol);
        int connections = state.connections.incrementAndGet();
        LOG.info("device={} connected over {} ({} open connections)", deviceId, protocol, connections);
    }

    @Override
    public void contact(String deviceId, String protocol) {
        DeviceState state = touch(deviceId, protocol);
        Instant persisted = state.lastPersisted;
        if (persisted == null || Duration.between(persisted, state.lastContact).compareTo(PERSIST_INTERVAL) >= 0) {
            persistContact(state);
        }
    }

    @Override
    public void disconnected(String deviceId) {
        DeviceState state = devices.get(deviceId);
        if (state == null) {
            return;
        }
        int connections = state.connections.updateAndGet(open -> Math.max(0, open - 1));
        persistContact(state);
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
        store.upsert(deviceId, protocol, now);
        DeviceState state = new DeviceState(deviceId, protocol);
        state.firstSeen = now;
        state.lastContact = now;
        state.lastPersisted = now;
        LOG.info("device={} registered on first contact over {}", deviceId, protocol);

        String vehicleId = configuredAssignments.get(deviceId);
        if (vehicleId != null) {
            store.assign(deviceId, vehicleId);
            state.vehicleId = vehicleId;
            LOG.info("device={} vehicle={} assigned from configuration", deviceId, vehicleId);
        }
        return state;
    }

    private void applyAssignment(String deviceId, String vehicleId) {
        DeviceState state = devices.get(deviceId);
        if (state == null || Objects.equals(state.vehicleId, vehicleId)) {
            return;
        }
        store.assign(deviceId, vehicleId);
        state.vehicleId = vehicleId;
        LOG.info("device={} vehicle={} assigned", deviceId, vehicleId);
    }

    private void persistContact(DeviceState state) {
        Instant lastContact = state.lastContact;
        if (lastContact == null) {
            return;
        }
        try {
            store.touch(state.deviceId, lastContact);
            state.lastPersisted = lastContact;
        } catch (RuntimeException e) {
            // Retried a minute later like a success, so a database outage logs once a minute per device, not per fix.
            state.lastPersisted = lastContact;
            LOG.warn("device={} last contact could not be saved, it stays in memory and is retried in a minute: {}",
                    state.deviceId, e.getMessage());
        }
    }
}
