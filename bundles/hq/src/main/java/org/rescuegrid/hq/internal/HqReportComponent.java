package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqKpiService;
import org.rescuegrid.hq.HqReport;
import org.rescuegrid.hq.HqReportService;
import org.rescuegrid.store.schema.Jdbc;

/** Computes reports from the KPI service and the hq_outcome, hq_driver_event and hq_compliance_step projections. */
@Component(service = HqReportService.class)
public class HqReportComponent implements HqReportService {

    private final HqDatabase database;
    private final HqKpiService kpiService;

    @Activate
    public HqReportComponent(@Reference HqDatabase database, @Reference HqKpiService kpiService) {
        this.database = database;
        this.kpiService = kpiService;
    }

    @Override
    public HqReport report(String province, String district, Instant from, Instant to) {
        HqKpi kpi = kpiService.kpi(province, district, from, to, RESPONSE_TARGET);
        try (Connection connection = database.connect()) {
            HqReport.Outcomes outcomes = outcomes(connection, province, district, from, to);
            Map<String, Long> driverEvents = district == null ? driverEvents(connection, province, from, to) : null;
            HqReport.Compliance compliance = compliance(connection, province, district, from, to);
            return new HqReport(province, district, from, to, kpi, outcomes, driverEvents, compliance);
        } catch (SQLException e) {
            throw new IllegalStateException("report of province " + province + " could not be read from the HQ database: " + e.getMessage(), e);
        }
    }

    /** Sums the outcomes of the emergencies whose first call was received in the period, the emergencies the KPIs count. */
    private static HqReport.Outcomes outcomes(Connection connection, String province, String district, Instant from, Instant to)
            throws SQLException {
        String sql = "SELECT COUNT(*), SUM(o.people_rescued), SUM(o.first_aid_on_scene), SUM(o.taken_to_hospital), SUM(o.deaths_on_scene)"
                + " FROM hq_outcome o JOIN hq_incident i ON o.province = i.province AND o.incident_id = i.incident_id"
                + " WHERE i.province = ? AND i.call_received_at >= ? AND i.call_received_at < ?" + (district == null ? "" : " AND i.district = ?");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, province);
            Jdbc.setInstant(query, 2, from);
            Jdbc.setInstant(query, 3, to);
            if (district != null) {
                query.setString(4, district);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                // SUM over no rows is NULL, which getLong reads as 0.
                return new HqReport.Outcomes(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        }
    }

    /**
     * Counts the driving events the district node sent, by the node HQ authenticated (token, certificate or Kafka
     * topic) and stored as province.
     */
    // TODO: split a node's driving events by the district of their place. The front office's driver-event record
    // carries neither a place nor a district, so only the node's report counts them.
    private static Map<String, Long> driverEvents(Connection connection, String province, Instant from, Instant to) throws SQLException {
        Map<String, Long> result = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT event_type, COUNT(*) FROM hq_driver_event"
                + " WHERE province = ? AND event_time >= ? AND event_time < ? GROUP BY event_type")) {
            query.setString(1, province);
            Jdbc.setInstant(query, 2, from);
            Jdbc.setInstant(query, 3, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return result;
    }

    /**
     * Scores the step results of the closed incidents created in the period by the rules of the dashboard's
     * compliance panel. A district's steps are those whose responsible person the roster placed in it.
     */
    private static HqReport.Compliance compliance(Connection connection, String province, String district, Instant from, Instant to)
            throws SQLException {
        String where = " FROM hq_compliance_step WHERE province = ? AND incident_created_at >= ? AND incident_created_at < ?"
                + (district == null ? "" : " AND district = ?");
        int incidents;
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(DISTINCT incident_id)" + where)) {
            bind(query, province, district, from, to);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                incidents = rs.getInt(1);
            }
        }
        Map<String, long[]> byStatus = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT status, COUNT(*), SUM(late_seconds)" + where + " GROUP BY status")) {
            bind(query, province, district, from, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        int met = (int) byStatus.getOrDefault("met", new long[2])[0];
        int late = (int) byStatus.getOrDefault("late", new long[2])[0];
        int missed = (int) byStatus.getOrDefault("missed", new long[2])[0];
        int notApplicable = (int) byStatus.getOrDefault("not-applicable", new long[2])[0];
        int counted = met + late + missed;
        // Rounded as the dashboard's panel rounds it, so that both show the same whole percentage.
        Integer score = counted == 0 ? null : Math.round(met * 100f / counted);
        return new HqReport.Compliance(incidents, met, late, missed, notApplicable, score, byStatus.getOrDefault("late", new long[2])[1]);
    }

    private static void bind(PreparedStatement query, String province, String district, Instant from, Instant to) throws SQLException {
        query.setString(1, province);
        Jdbc.setInstant(query, 2, from);
        Jdbc.setInstant(query, 3, to);
        if (district != null) {
            query.setString(4, district);
        }
    }
}
