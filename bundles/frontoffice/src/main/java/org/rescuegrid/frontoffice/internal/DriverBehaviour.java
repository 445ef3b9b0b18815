package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.DriverScore;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.KpiCalendar;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.Vehicle;
import org.rescuegrid.store.schema.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the driving rules over the fleet's fixes and tracker events, attributes each event to the driver
 * assigned to the vehicle and to the shift it falls in, and stores it with its outbox record. Independent of
 * OSGi so tests run it on their own database. One lock serialises all calls.
 */
final class DriverBehaviour implements DriverBehaviourService {

    private static final Logger LOG = LoggerFactory.getLogger(DriverBehaviour.class);
    static final Pattern DRIVER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    // Steps on which a vehicle is on its way to a scene, at it, or carrying a patient from it; only its type's limit applies.
    private static final Set<Step> RESPONDING = EnumSet.of(Step.DISPATCHED, Step.LEFT_STATION, Step.ON_SCENE, Step.LEFT_SCENE);

    private final DataSource dataSource;
    private final FrontOfficeService frontOffice;
    private final Clock clock;
    private final DrivingRules rules;
    private final Map<String, String> drivers;

    DriverBehaviour(DataSource dataSource, DrivingSettings settings, FrontOfficeService frontOffice, Clock clock) throws SQLException {
        this.dataSource = dataSource;
        this.frontOffice = frontOffice;
        this.clock = clock;
        this.rules = new DrivingRules(settings);
        new SchemaMigrator(DrivingTables.SCHEMA, DriverBehaviour.class.getClassLoader(), DrivingTables.MIGRATIONS).migrate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.drivers = DrivingTables.loadAssignments(connection);
        }
    }

    /** Takes a stored fix of a vehicle and returns the driving events it completed, already stored. */
    synchronized List<DriverEvent> position(String vehicleId, PositionFix fix) {
        Optional<Vehicle> vehicle = vehicle(vehicleId);
        if (vehicle.isEmpty()) {
            return List.of();
        }
        boolean responding = vehicle.get().step() != null && RESPONDING.contains(vehicle.get().step());
        return store(vehicle.get(), rules.fix(vehicleId, vehicle.get().type(), responding, fix));
    }

    /** Takes a stored tracker event of a vehicle and returns the driving events it gave, already stored. */
    synchronized List<DriverEvent> deviceEvent(String vehicleId, DeviceEvent event) {
        Optional<Vehicle> vehicle = vehicle(vehicleId);
        if (vehicle.isEmpty()) {
            return List.of();
        }
        return store(vehicle.get(), rules.deviceEvent(vehicleId, event));
    }

    private Optional<Vehicle> vehicle(String vehicleId) {
        if (vehicleId == null) {
            return Optional.empty();
        }
        return frontOffice.vehicles().stream().filter(v -> v.vehicleId().equals(vehicleId)).findFirst();
    }

    private List<DriverEvent> store(Vehicle vehicle, List<DrivingRules.Detection> detections) {
        if (detections.isEmpty()) {
            return List.of();
        }
        KpiCalendar calendar = frontOffice.kpiCalendar();
        // NOTE: the driver is the one assigned when the event is processed; there is no assignment history yet.
        String driverId = drivers.get(vehicle.vehicleId());
        List<DriverEvent> events = new ArrayList<>();
        for (DrivingRules.Detection detection : detections) {
            KpiCalendar.ShiftDay shift = calendar.shiftOf(detection.time());
            events.add(new DriverEvent(UUID.randomUUID().toString(), vehicle.vehicleId(), vehicle.type(), driverId, detection.type(),
                    detection.time(), detection.speedKmh(), detection.limitKmh(), detection.value(), detection.fromTracker(),
                    shift.shift().name(), shift.day()));
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (DriverEvent event : events) {
                    DrivingTables.insertEvent(connection, event, now);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("driving events of vehicle " + vehicle.vehicleId() + " could not be stored: " + e.getMessage(), e);
        }
        for (DriverEvent event : events) {
            LOG.info("vehicle={} driver={} {} at {}{}", event.vehicleId(), event.driverId() == null ? "-" : event.driverId(), event.type().label(),
                    event.time(), event.speedKmh() == null ? "" : " (" + Math.round(event.speedKmh()) + " km/h)");
        }
        return events;
    }

    @Override
    public synchronized void assign(String vehicleId, String driverId, String user) {
        Vehicle vehicle = vehicle(vehicleId == null ? null : vehicleId.strip()).orElseThrow(() -> new IllegalArgumentException(
                "vehicle '" + vehicleId + "' is not in the fleet; the console completes the fleet's vehicle ids"));
        String driver = driverId == null ? "" : driverId.strip();
        if (!DRIVER_ID.matcher(driver).matches()) {
            throw new IllegalArgumentException("driver id '" + driverId + "' is invalid; use 1-64 letters, digits, '.', '_' or '-'");
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DrivingTables.assign(connection, vehicle.vehicleId(), driver, user, now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("assignment of driver " + driver + " to vehicle " + vehicle.vehicleId()
                    + " could not be stored, nothing changed: " + e.getMessage(), e);
        }
        drivers.put(vehicle.vehicleId(), driver);
        LOG.info("vehicle={} driver={} assigned by {}", vehicle.vehicleId(), driver, user);
    }

    @Override
    public synchronized Map<String, String> assignments() {
        return Map.copyOf(new TreeMap<>(drivers));
    }

    @Override
    public synchronized List<DriverEvent> events(Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection()) {
            return DrivingTables.loadEvents(connection, from, to, null);
        } catch (SQLException e) {
            throw new IllegalStateException("driving events could not be read from the database: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<DriverScore> scores(LocalDate day, String shift) {
        String shiftName = shift == null ? null : frontOffice.kpiCalendar().shift(shift).map(s -> s.name()).orElseThrow(
                () -> new IllegalArgumentException("shift '" + shift + "' is unknown; use one of " + frontOffice.kpiCalendar().shifts()));
        List<DriverEvent> events;
        try (Connection connection = dataSource.getConnection()) {
            events = DrivingTables.loadEvents(connection, null, null, day);
        } catch (SQLException e) {
            throw new IllegalStateException("driving events could not be read from the database: " + e.getMessage(), e);
        }
        return score(events, day, shiftName);
    }

    /** Scores each driver's events per shift of the day; a null shift name takes every shift. */
    static List<DriverScore> score(List<DriverEvent> events, LocalDate day, String shift) {
        Map<List<String>, Map<DriverEventType, Integer>> counts = new LinkedHashMap<>();
        for (DriverEvent event : events) {
            if (!event.shiftDay().equals(day) || (shift != null && !shift.equals(event.shift()))) {
                continue;
            }
            List<String> key = java.util.Arrays.asList(event.driverId(), event.shift());
            counts.computeIfAbsent(key, k -> new EnumMap<>(DriverEventType.class)).merge(event.type(), 1, Integer::sum);
        }
        List<DriverScore> scores = new ArrayList<>();
        for (Map.Entry<List<String>, Map<DriverEventType, Integer>> entry : counts.entrySet()) {
            int points = 0;
            for (Map.Entry<DriverEventType, Integer> count : entry.getValue().entrySet()) {
                points += count.getKey().penalty() * count.getValue();
            }
            scores.add(new DriverScore(entry.getKey().get(0), day, entry.getKey().get(1), entry.getValue(), Math.max(0, 100 - points)));
        }
        scores.sort(Comparator.comparingInt(DriverScore::score)
                .thenComparing(s -> s.driverId() == null ? "" : s.driverId())
                .thenComparing(DriverScore::shift));
        return scores;
    }
}
