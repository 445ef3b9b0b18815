package org.rescuegrid.backoffice.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.VehicleReadiness;
import org.rescuegrid.store.schema.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-of-shift readiness checklists of vehicles. A vehicle whose latest check failed is out of service
 * until a later check passes. The front office then leaves it out of its recommendations and rejects its
 * dispatch. The latest check of every vehicle is kept in memory, so each query costs a map lookup.
 */
public final class Readiness implements VehicleReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /** One check. {@code failedItems} is empty when it passed. */
    public record Check(String vehicleId, Instant checkedAt, String staffId, List<String> failedItems, String note) {

        public boolean passed() {
            return failedItems.isEmpty();
        }
    }

    private final BackOfficeDatabase database;
    private final List<String> items;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Check> latest = new ConcurrentHashMap<>();

    public Readiness(BackOfficeDatabase database, List<String> items, AuditLog audit, Clock clock) throws SQLException {
        this.database = database;
        this.items = List.copyOf(items);
        this.audit = audit;
        this.clock = clock;
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM bo_readiness ORDER BY checked_at, id");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Check check = check(rs);
                    latest.merge(check.vehicleId(), check, (a, b) -> b.checkedAt().isBefore(a.checkedAt()) ? a : b);
                }
            }
            return null;
        });
    }

    public List<String> items() {
        return items;
    }

    /**
     * Records a check, audits it, and puts the vehicle out of service when an item failed or back in service when all passed.
     *
     * @param at when the check was made, or null for now
     * @throws IllegalArgumentException when an item is not on the checklist
     */
    public synchronized Check record(String vehicleId, Instant at, String staffId, List<String> failedItems, String note, Actor actor) {
        for (String item : failedItems) {
            if (item == null || item.isBlank()) {
                throw new IllegalArgumentException("failed checklist item '" + (item == null ? "" : item) + "' is empty; name each failed item,"
                        + " one of " + String.join(", ", items) + ", or give none when the check passed");
            }
            if (!items.contains(item)) {
                throw new IllegalArgumentException("checklist item '" + item + "' is unknown; the checklist is " + String.join(", ", items));
            }
        }
        Check check = new Check(vehicleId, at == null ? clock.instant() : at, staffId, List.copyOf(failedItems), note);
        Optional<Check> before = Optional.ofNullable(latest.get(vehicleId));
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bo_readiness (vehicle_id, checked_at, staff_id, passed,"
                        + " failed_items, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, vehicleId);
                    Jdbc.setInstant(insert, 2, check.checkedAt());
                    insert.setString(3, staffId);
                    insert.setBoolean(4, check.passed());
                    insert.setString(5, String.join(",", check.failedItems()));
                    insert.setString(6, note);
                    insert.setString(7, actor.name());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("readiness check of vehicle " + vehicleId + " could not be stored: " + e.getMessage(), e);
        }
        latest.merge(vehicleId, check, (a, b) -> b.checkedAt().isBefore(a.checkedAt()) ? a : b);
        audit.record(actor.entry("readiness-check", staffId == null ? List.of(vehicleId) : List.of(vehicleId, staffId),
                before.map(Readiness::describe).orElse(null), describe(check)));
        if (check.passed()) {
            LOG.info("vehicle={} passed its readiness check", vehicleId);
        } else {
            LOG.warn("vehicle={} failed its readiness check ({}) and is out of service", vehicleId, String.join(", ", check.failedItems()));
        }
        return check;
    }

    @Override
    public Optional<String> outOfService(String vehicleId) {
        Check check = latest.get(vehicleId);
        return check == null || check.passed() ? Optional.empty()
                : Optional.of("failed its readiness check at " + check.checkedAt() + ": " + String.join(", ", check.failedItems()));
    }

    /** Returns the latest check of every vehicle that has one. */
    public List<Check> latest() {
        List<Check> checks = new ArrayList<>(latest.values());
        checks.sort(java.util.Comparator.comparing(Check::vehicleId));
        return checks;
    }

    public Optional<Check> latest(String vehicleId) {
        return Optional.ofNullable(latest.get(vehicleId));
    }

    private static String describe(Check check) {
        return (check.passed() ? "passed" : "failed " + String.join(",", check.failedItems())) + " at " + check.checkedAt();
    }

    private static Check check(ResultSet rs) throws SQLException {
        String failed = rs.getString("failed_items");
        return new Check(rs.getString("vehicle_id"), Jdbc.getInstant(rs, "checked_at"), rs.getString("staff_id"),
                failed == null || failed.isEmpty() ? List.of() : Arrays.asList(failed.split(",")), rs.getString("note"));
    }
}
