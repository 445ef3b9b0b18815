package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import org.rescuegrid.store.schema.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Projects the compliance and audit records that HQ stored before their projections existed, in the order they
 * arrived. A compliance record is skipped when its incident already has step rows, so an older record never
 * replaces a newer one. A record whose payload the projection rejects is logged and left in hq_record only.
 */
final class ProjectionBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionBackfill.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionBackfill() {
    }

    static void run(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            int audit = audit(connection);
            int compliance = compliance(connection);
            connection.commit();
            if (audit + compliance > 0) {
                LOG.info("Projected {} audit and {} compliance records that HQ stored before their projections existed", audit, compliance);
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static int audit(Connection connection) throws SQLException {
        int projected = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM hq_record r WHERE record_type = '" + AuditProjection.TYPE
                + "' AND NOT EXISTS (SELECT 1 FROM hq_audit a WHERE a.event_id = r.event_id) ORDER BY received_at, created_at");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ReceivedRecord record = record(rs);
                if (record != null && project(connection, rs.getString("province"), record)) {
                    projected++;
                }
            }
        }
        return projected;
    }

    private static int compliance(Connection connection) throws SQLException {
        Set<String> incidents = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT province, incident_id FROM hq_compliance_step");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                incidents.add(rs.getString(1) + "/" + rs.getString(2));
            }
        }
        int projected = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM hq_record r WHERE record_type = '" + ComplianceProjection.TYPE
                + "' AND NOT EXISTS (SELECT 1 FROM hq_compliance_step s WHERE s.event_id = r.event_id) ORDER BY received_at, created_at");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ReceivedRecord record = record(rs);
                String province = rs.getString("province");
                if (record == null || incidents.contains(province + "/" + record.payload().path("incidentId").asText())) {
                    continue;
                }
                if (project(connection, province, record)) {
                    projected++;
                }
            }
        }
        return projected;
    }

    private static boolean project(Connection connection, String province, ReceivedRecord record) throws SQLException {
        try {
            if (AuditProjection.TYPE.equals(record.type())) {
                AuditProjection.project(connection, province, record);
            } else {
                ComplianceProjection.project(connection, province, record);
            }
            return true;
        } catch (InvalidBatchException e) {
            LOG.warn("province={} {} record {} stays unprojected: {}", province, record.type(), record.eventId(), e.getMessage());
            return false;
        }
    }

    private static ReceivedRecord record(ResultSet rs) throws SQLException {
        String eventId = rs.getString("event_id").strip();
        try {
            return new ReceivedRecord(eventId, rs.getString("record_type"), Jdbc.getInstant(rs, "created_at"), JSON.readTree(rs.getString("payload")));
        } catch (JsonProcessingException e) {
            LOG.warn("province={} record {} stays unprojected: its payload is not JSON: {}", rs.getString("province"), eventId, e.getOriginalMessage());
            return null;
        }
    }
}
