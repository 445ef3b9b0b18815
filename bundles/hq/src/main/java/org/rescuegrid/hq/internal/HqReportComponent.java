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

/** Computes reports from the KPI service and the hq_outcome and hq_driver_event projections. */
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
            // TODO: add the compliance score once HQ stores the back office's compliance checks; no compliance record
            // is projected at HQ yet.
            Map<String, Long> driverEvents = district == null ? driverEvents(connection, province, from, to) : null;
            return new HqReport(province, district, from, to, kpi, outcomes, driverEvents);
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

    // TODO: split driving events by district. The front office's driver-event record carries no district, so only
    // the province's report counts them.
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
}
