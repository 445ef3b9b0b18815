package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.position.FixValidity;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.PositionStore;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Stores position fixes with their {@link FixValidity} and queues each one in the outbox in the same
 * transaction. Every protocol's fixes pass through here, so the assessment is made once for all of them.
 * A fix with the device and fix time of a stored one is a resend, and returns the stored record without
 * writing anything; the fix time compared is the one after a week-rollover correction.
 */
@Component(service = PositionStore.class, configurationPid = PositionValiditySettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PositionValidityConfig.class)
public class DerbyPositionStore implements PositionStore {

    static final String COLUMNS = "event_id, device_id, vehicle_id, fix_time, received_at, latitude, longitude,"
            + " altitude, speed_kmh, course, satellites, hdop, fix_valid, validity";
    private static final String USABLE = "validity IN ('" + FixValidity.VALID + "', '" + FixValidity.ROLLOVER_CORRECTED + "')";

    private final StoreDatabase database;
    private final FixAssessor assessor;
    private final Clock clock;

    @Activate
    public DerbyPositionStore(@Reference StoreDatabase database, PositionValidityConfig config) {
        this(database, PositionValiditySettings.from(config), Clock.systemUTC());
    }

    DerbyPositionStore(StoreDatabase database, PositionValiditySettings settings, Clock clock) {
        this.database = database;
        this.assessor = new FixAssessor(settings);
        this.clock = clock;
    }

    /** Creates a store with the default limits and the system clock. */
    public DerbyPositionStore(StoreDatabase database) {
        this(database, PositionValiditySettings.DEFAULTS, Clock.systemUTC());
    }

    @Override
    public StoredPosition store(PositionFix reported) {
        Instant now = clock.instant();
        PositionFix fix = reported.valid() ? assessor.correctRollover(reported, now) : reported;
        try {
            return database.inTransaction(connection -> {
                Optional<StoredPosition> resent = find(connection, fix.deviceId(), fix.fixTime());
                if (resent.isPresent()) {
                    return resent.get();
                }
                FixAssessor.Assessment assessment = assessor.assess(reported, now, new StoredTrack(connection, fix.deviceId()));
                String vehicleId = DeviceTable.vehicleOf(connection, fix.deviceId());
                StoredPosition stored = new StoredPosition(UUID.randomUUID().toString(), vehicleId, assessment.fix(), now,
                        assessment.validity());
                insert(connection, stored);
                OutboxRows.insert(connection, stored.eventId(), RecordJson.POSITION, stored.receivedAt(), RecordJson.write(stored.eventId(), stored));
                return stored;
            });
        } catch (SQLException e) {
            if (Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                // Another connection of the device committed the same fix between the lookup and the insert.
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

    private static void insert(Connection connection, StoredPosition stored) throws SQLException {
        PositionFix fix = stored.fix();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO position_fix (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, stored.eventId());
            insert.setString(2, fix.deviceId());
            insert.setString(3, stored.vehicleId());
            Jdbc.setInstant(insert, 4, fix.fixTime());
            Jdbc.setInstant(insert, 5, stored.receivedAt());
            insert.setDouble(6, fix.latitude());
            insert.setDouble(7, fix.longitude());
            Jdbc.setDouble(insert, 8, fix.altitude());
            Jdbc.setDouble(insert, 9, fix.speedKmh());
            Jdbc.setDouble(insert, 10, fix.course());
            Jdbc.setInteger(insert, 11, fix.satellites());
            Jdbc.setDouble(insert, 12, fix.hdop());
            insert.setBoolean(13, fix.valid());
            insert.setString(14, stored.validity().name());
            insert.executeUpdate();
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
