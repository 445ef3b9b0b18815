package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.config.ConfigProblemRegistrations;
import org.rescuegrid.api.position.FixValidity;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.PositionStore;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.store.schema.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores position fixes with their {@link FixValidity} and queues each one in the outbox in the same
 * transaction. Every protocol's fixes pass through here, so the assessment is made once for all of them.
 * A fix with the device and fix time of a stored one is a resend, and returns the stored record without
 * writing anything; the fix time compared is the one after a week-rollover correction. Fixes are written
 * by {@link PositionBatcher}s, each of which commits the fixes that queued up meanwhile in one transaction.
 */
@Component(service = {PositionStore.class, DerbyPositionStore.class}, configurationPid = PositionValiditySettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PositionValidityConfig.class)
public class DerbyPositionStore implements PositionStore {

    static final String COLUMNS = "event_id, device_id, vehicle_id, fix_time, received_at, latitude, longitude,"
            + " altitude, speed_kmh, course, satellites, hdop, fix_valid, validity";
    static final String USABLE = "validity IN ('" + FixValidity.VALID + "', '" + FixValidity.ROLLOVER_CORRECTED + "')";

    /**
     * Position writers, each committing the fixes of its share of the devices. Several writers let one
     * batch's CPU work overlap another's synchronous log write, and a device's fixes always go to the same
     * writer, so they are stored in arrival order and two transactions never race for one device's rows.
     */
    static final int WRITERS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(DerbyPositionStore.class);

    private final StoreDatabase database;
    private final Clock clock;
    private final ConfigProblemRegistrations configProblems;
    private final PositionBatcher[] batchers;
    private final Map<String, LatestFixes> latest = new ConcurrentHashMap<>();
    private volatile PositionValiditySettings settings;
    private volatile FixAssessor assessor;

    /** Starts on the default limits for every key whose value is invalid, see {@link #modified}. */
    @Activate
    public DerbyPositionStore(@Reference StoreDatabase database, BundleContext context, PositionValidityConfig config) {
        this(database, PositionValiditySettings.DEFAULTS, Clock.systemUTC(), new ConfigProblemRegistrations(context));
        modified(config);
    }

    DerbyPositionStore(StoreDatabase database, PositionValiditySettings settings, Clock clock) {
        this(database, settings, clock, new ConfigProblemRegistrations(null));
    }

    private DerbyPositionStore(StoreDatabase database, PositionValiditySettings settings, Clock clock,
            ConfigProblemRegistrations configProblems) {
        this.database = database;
        this.settings = settings;
        this.assessor = new FixAssessor(settings);
        this.clock = clock;
        this.batchers = new PositionBatcher[WRITERS];
        for (int i = 0; i < WRITERS; i++) {
            batchers[i] = new PositionBatcher(this::storeAll, this::storeAlone, PositionBatcher.MAX_BATCH,
                    PositionBatcher.MAX_QUEUED / WRITERS, "rescuegrid-position-writer-" + i);
            batchers[i].start();
        }
        this.configProblems = configProblems;
    }

    /**
     * Applies a changed configuration without restarting the store, so the routes, offices and commands
     * that depend on it keep running. A rejected value keeps its previous setting, is logged at ERROR and
     * is listed by {@code rescue:config-problems}.
     */
    @Modified
    void modified(PositionValidityConfig config) {
        PositionValiditySettings.Resolved resolved = PositionValiditySettings.resolve(config, settings);
        settings = resolved.settings();
        assessor = new FixAssessor(resolved.settings());
        resolved.problems().forEach(problem -> LOG.error("{}", problem.sentence()));
        configProblems.replace(resolved.problems());
    }

    PositionValiditySettings settings() {
        return settings;
    }

    /** Creates a store with the default limits and the system clock. */
    public DerbyPositionStore(StoreDatabase database) {
        this(database, PositionValiditySettings.DEFAULTS, Clock.systemUTC());
    }

    @Override
    public StoredPosition store(PositionFix reported) {
        try {
            return submit(reported).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Queues a fix for the position writer and returns its stored record once the batch that contains it is
     * committed. The future fails with an {@link IllegalStateException} when the fix cannot be stored, or
     * at once when the writer's queue is full or the store is stopped.
     */
    public CompletableFuture<StoredPosition> submit(PositionFix reported) {
        return batchers[Math.floorMod(reported.deviceId().hashCode(), WRITERS)].submit(reported, clock.instant());
    }

    @Deactivate
    public void deactivate() {
        for (PositionBatcher batcher : batchers) {
            batcher.close();
        }
        configProblems.close();
    }

    /**
     * Stores fixes in one transaction, in their order. Each device's newest fixes are kept in memory from
     * one transaction to the next and updated only after a commit, so a rolled-back batch leaves them as
     * they were.
     */
    List<StoredPosition> storeAll(List<PositionBatcher.Received> fixes) throws SQLException {
        Map<String, LatestFixes> changed = new HashMap<>();
        List<StoredPosition> stored = database.inTransaction(connection -> {
            // A lock conflict runs the work again, so nothing may remain from the aborted attempt.
            changed.clear();
            try (PositionRows rows = new PositionRows(connection)) {
                List<StoredPosition> written = new ArrayList<>(fixes.size());
                for (PositionBatcher.Received received : fixes) {
                    written.add(storeIn(connection, rows, changed, received.fix(), received.receivedAt()));
                }
                rows.flush();
                return written;
            }
        });
        latest.putAll(changed);
        return stored;
    }

    /**
     * Stores one fix in the caller's transaction. A live fix, newer than everything stored for its device,
     * is assessed against the device's newest fixes in memory and only queued for insertion. Any other fix
     * is looked up and assessed in the table, after the queued rows are inserted so the reads find them. A
     * resend of a fix stored before, also earlier in the same transaction, returns the stored record and
     * writes nothing.
     */
    private StoredPosition storeIn(Connection connection, PositionRows rows, Map<String, LatestFixes> changed, PositionFix reported,
            Instant receivedAt) throws SQLException {
        String deviceId = reported.deviceId();
        PositionFix fix = reported.valid() ? assessor.correctRollover(reported, receivedAt) : reported;
        LatestFixes known = changed.containsKey(deviceId) ? changed.get(deviceId) : latest.get(deviceId);
        if (known == null) {
            rows.flush();
            known = LatestFixes.read(connection, deviceId);
        } else if (known.vehicleStale()) {
            known = known.withVehicleFrom(connection, deviceId);
        }

        FixAssessor.DeviceTrack track;
        if (known.precedes(fix.fixTime())) {
            track = known.trackBefore(fix.fixTime());
        } else {
            rows.flush();
            Optional<StoredPosition> resent = find(connection, deviceId, fix.fixTime());
            if (resent.isPresent()) {
                changed.put(deviceId, known);
                return resent.get();
            }
            track = new StoredTrack(connection, deviceId);
        }

        FixAssessor.Assessment assessment = assessor.assess(reported, receivedAt, track);
        StoredPosition stored = new StoredPosition(UUID.randomUUID().toString(), known.vehicleId(), assessment.fix(), receivedAt,
                assessment.validity());
        rows.add(stored);
        changed.put(deviceId, known.with(stored));
        return stored;
    }

    /** Stores one fix in a transaction of its own, the path a fix takes when its batch failed. */
    StoredPosition storeAlone(PositionFix reported, Instant receivedAt) {
        try {
            return storeAll(List.of(new PositionBatcher.Received(reported, receivedAt))).get(0);
        } catch (SQLException e) {
            PositionFix fix = reported.valid() ? assessor.correctRollover(reported, receivedAt) : reported;
            if (Jdbc.isDuplicateKey(e)) {
                // Another connection committed the same fix between the lookup and the insert.
                return findCommitted(fix);
            }
            throw new IllegalStateException("position of device " + fix.deviceId() + " at " + fix.fixTime()
                    + " could not be stored: " + e.getMessage(), e);
        }
    }

    private StoredPosition findCommitted(PositionFix fix) {
        try (Connection connection = database.connect()) {
            return find(connection, fix.deviceId(), fix.fixTime()).orElseThrow(() -> new IllegalStateException("position of device "
                    + fix.deviceId() + " at " + fix.fixTime() + " was rejected as a duplicate, but no stored copy was found"));
        } catch (SQLException e) {
            throw new IllegalStateException("position of device " + fix.deviceId() + " at " + fix.fixTime()
                    + " could not be read back after a duplicate insert: " + e.getMessage(), e);
        }
    }

    /** Returns the stored position of a device at a fix time, the record a resend of that fix returns. */
    private static Optional<StoredPosition> find(Connection connection, String deviceId, Instant fixTime) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM position_fix WHERE device_id = ? AND fix_time = ?")) {
            query.setString(1, deviceId);
            Jdbc.setInstant(query, 2, fixTime);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<StoredPosition> latest(String vehicleOrDeviceId) {
        // Newest by fix time, not by arrival: a tracker that uploads buffered history sends older fixes last.
        String sql = "SELECT " + COLUMNS + " FROM position_fix WHERE (vehicle_id = ? OR device_id = ?) AND " + USABLE
                + " ORDER BY fix_time DESC, seq DESC FETCH FIRST 1 ROWS ONLY";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, vehicleOrDeviceId);
            query.setString(2, vehicleOrDeviceId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("latest position of " + vehicleOrDeviceId + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredPosition> latestOfAll() {
        String sql = "SELECT " + COLUMNS + " FROM position_fix p WHERE " + USABLE + " AND fix_time = (SELECT MAX(q.fix_time)"
                + " FROM position_fix q WHERE q.device_id = p.device_id AND q." + USABLE + ") ORDER BY fix_time DESC, seq DESC";
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            List<StoredPosition> result = new ArrayList<>();
            Set<String> devicesSeen = new HashSet<>();
            while (rs.next()) {
                StoredPosition position = read(rs);
                // Two rows of one device can share its newest fix time; the later stored one comes first.
                if (devicesSeen.add(position.fix().deviceId())) {
                    result.add(position);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("latest positions could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredPosition> lastReceivedOfAll() {
        String sql = "SELECT " + COLUMNS + " FROM position_fix WHERE seq IN (SELECT MAX(seq) FROM position_fix GROUP BY device_id)"
                + " ORDER BY received_at DESC, seq DESC";
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            List<StoredPosition> result = new ArrayList<>();
            while (rs.next()) {
                result.add(read(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("last received positions could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public long countForDevice(String deviceId) {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM position_fix WHERE device_id = ?")) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("positions of device " + deviceId + " could not be counted: " + e.getMessage(), e);
        }
    }

    static StoredPosition read(ResultSet rs) throws SQLException {
        PositionFix fix = new PositionFix(
                rs.getString("device_id"),
                Jdbc.getInstant(rs, "fix_time"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                Jdbc.getDouble(rs, "altitude"),
                Jdbc.getDouble(rs, "speed_kmh"),
                Jdbc.getDouble(rs, "course"),
                Jdbc.getInteger(rs, "satellites"),
                Jdbc.getDouble(rs, "hdop"),
                rs.getBoolean("fix_valid"));
        return new StoredPosition(rs.getString("event_id"), rs.getString("vehicle_id"), fix, Jdbc.getInstant(rs, "received_at"),
                FixValidity.valueOf(rs.getString("validity")));
    }

    /** The stored fixes of one device, read on the connection of the transaction that stores the new fix. */
    private record StoredTrack(Connection connection, String deviceId) implements FixAssessor.DeviceTrack {

        private static final String NEAREST = "SELECT fix_time, latitude, longitude, validity FROM position_fix WHERE device_id = ?";

        @Override
        public Optional<FixAssessor.Previous> usableBefore(Instant time) {
            return first(NEAREST + " AND " + USABLE + " AND fix_time < ? ORDER BY fix_time DESC FETCH FIRST 1 ROWS ONLY", time);
        }

        @Override
        public Optional<FixAssessor.Previous> anyBefore(Instant time) {
            return first(NEAREST + " AND fix_time < ? ORDER BY fix_time DESC FETCH FIRST 1 ROWS ONLY", time);
        }

        @Override
        public boolean usableAfter(Instant time) {
            return first(NEAREST + " AND " + USABLE + " AND fix_time > ? FETCH FIRST 1 ROWS ONLY", time).isPresent();
        }

        private Optional<FixAssessor.Previous> first(String sql, Instant time) {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, deviceId);
                Jdbc.setInstant(query, 2, time);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new FixAssessor.Previous(Jdbc.getInstant(rs, "fix_time"), rs.getDouble("latitude"),
                            rs.getDouble("longitude"), FixValidity.valueOf(rs.getString("validity"))));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("earlier positions of device " + deviceId + " could not be read: " + e.getMessage(), e);
            }
        }
    }
}
