package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqKpiService;
import org.rescuegrid.store.schema.Jdbc;

/** Computes KPIs from the hq_call and hq_incident projections. */
@Component(service = HqKpiService.class)
public class HqKpiComponent implements HqKpiService {

    private final HqDatabase database;

    @Activate
    public HqKpiComponent(@Reference HqDatabase database) {
        this.database = database;
    }

    @Override
    public HqKpi kpi(String province, String district, Instant from, Instant to, Duration target) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("KPI period from " + from + " to " + to + " is empty; the start must be before the end");
        }
        String districtCondition = district == null ? "" : " AND district = ?";
        try (Connection connection = database.connect()) {
            Map<String, Long> calls = counts(connection, "SELECT disposition, COUNT(*) FROM hq_call WHERE province = ? AND received_at >= ?"
                    + " AND received_at < ?" + districtCondition + " GROUP BY disposition", province, district, from, to);
            Map<String, Long> incidents = counts(connection, "SELECT incident_type, COUNT(*) FROM hq_incident WHERE province = ?"
                    + " AND call_received_at >= ? AND call_received_at < ?" + districtCondition + " GROUP BY incident_type", province, district, from, to);
            List<Duration> response = new ArrayList<>();
            List<Duration> handling = new ArrayList<>();
            List<Duration> dispatch = new ArrayList<>();
            List<Duration> travel = new ArrayList<>();
            int within = 0;
            try (PreparedStatement query = prepare(connection, "SELECT call_received_at, created_at, dispatched_at, on_scene_at FROM hq_incident"
                    + " WHERE province = ? AND call_received_at >= ? AND call_received_at < ?" + districtCondition + " AND on_scene_at IS NOT NULL",
                    province, district, from, to); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Instant received = Jdbc.getInstant(rs, "call_received_at");
                    Instant created = Jdbc.getInstant(rs, "created_at");
                    Instant dispatched = Jdbc.getInstant(rs, "dispatched_at");
                    Instant onScene = Jdbc.getInstant(rs, "on_scene_at");
                    Duration responseTime = Duration.between(received, onScene);
                    response.add(responseTime);
                    if (responseTime.compareTo(target) <= 0) {
                        within++;
                    }
                    handling.add(Duration.between(received, created));
                    if (dispatched != null) {
                        dispatch.add(Duration.between(created, dispatched));
                        travel.add(Duration.between(dispatched, onScene));
                    }
                }
            }
            return new HqKpi(province, district, from, to, calls, incidents, response.size(), within, target, stats(response), stats(handling),
                    stats(dispatch), stats(travel));
        } catch (SQLException e) {
            throw new IllegalStateException("KPIs of province " + province + " could not be read from the HQ database: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> counts(Connection connection, String sql, String province, String district, Instant from, Instant to)
            throws SQLException {
        Map<String, Long> result = new TreeMap<>();
        try (PreparedStatement query = prepare(connection, sql, province, district, from, to); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
        }
        return result;
    }

    private static PreparedStatement prepare(Connection connection, String sql, String province, String district, Instant from, Instant to)
            throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setString(1, province);
        Jdbc.setInstant(query, 2, from);
        Jdbc.setInstant(query, 3, to);
        if (district != null) {
            query.setString(4, district);
        }
        return query;
    }

    static HqKpi.Stats stats(List<Duration> values) {
        if (values.isEmpty()) {
            return new HqKpi.Stats(0, null, null, null);
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        long totalMillis = 0;
        for (Duration value : sorted) {
            totalMillis += value.toMillis();
        }
        return new HqKpi.Stats(sorted.size(), Duration.ofMillis(Math.round((double) totalMillis / sorted.size())), nearestRank(sorted, 50),
                nearestRank(sorted, 90));
    }

    private static Duration nearestRank(List<Duration> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
