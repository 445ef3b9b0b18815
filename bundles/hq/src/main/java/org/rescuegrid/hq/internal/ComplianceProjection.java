package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Set;

import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Copies a closed incident's final compliance results into hq_compliance_step, one row per procedure step
 * with its status and the person, station, district and shift the district's roster made responsible.
 */
final class ComplianceProjection {

    static final String TYPE = "compliance";

    /** Step statuses a final evaluation contains; open statuses (pending, overdue) never reach HQ. */
    static final Set<String> FINAL_STATUSES = Set.of("met", "late", "missed", "not-applicable");

    private ComplianceProjection() {
    }

    static void project(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "compliance " + record.eventId();
        String incidentId = PayloadFields.requiredId(payload, "incidentId", where);
        String incidentType = PayloadFields.requiredId(payload, "incidentType", where);
        JsonNode version = payload.get("sopVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidBatchException(where + " has no integer field 'sopVersion'");
        }
        // NOTE: a record without incidentCreatedAt, from an older back office, counts at its own time, which is when the incident closed.
        Instant created = payload.hasNonNull("incidentCreatedAt") ? PayloadFields.instant(payload, "incidentCreatedAt", where) : record.createdAt();
        JsonNode steps = payload.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new InvalidBatchException(where + " has no 'steps' array");
        }

        // A fact recorded after the incident closed sends the incident's results again; the latest wins.
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hq_compliance_step WHERE province = ? AND incident_id = ?")) {
            delete.setString(1, province);
            delete.setString(2, incidentId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_compliance_step (event_id, province, incident_id,"
                + " incident_type, sop_version, incident_created_at, step_order, step_id, role, status, due_at, done_at, late_seconds,"
                + " staff_id, station, district, shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                String stepWhere = where + " steps[" + i + "]";
                String status = PayloadFields.requiredText(step, "status", stepWhere);
                if (!FINAL_STATUSES.contains(status)) {
                    throw new InvalidBatchException(stepWhere + " status '" + status + "' is not a final status; expected one of "
                            + FINAL_STATUSES);
                }
                insert.setString(1, record.eventId());
                insert.setString(2, province);
                insert.setString(3, incidentId);
                insert.setString(4, incidentType);
                insert.setInt(5, version.asInt());
                Jdbc.setInstant(insert, 6, created);
                insert.setInt(7, i + 1);
                insert.setString(8, PayloadFields.requiredId(step, "step", stepWhere));
                insert.setString(9, PayloadFields.optionalId(step, "role", stepWhere));
                insert.setString(10, status);
                Jdbc.setInstant(insert, 11, optionalInstant(step, "dueAt", stepWhere));
                Jdbc.setInstant(insert, 12, optionalInstant(step, "doneAt", stepWhere));
                JsonNode late = step.get("lateSeconds");
                if (late == null || late.isNull()) {
                    insert.setNull(13, Types.BIGINT);
                } else if (late.canConvertToLong()) {
                    insert.setLong(13, late.asLong());
                } else {
                    throw new InvalidBatchException(stepWhere + " field 'lateSeconds' value '" + late + "' is not a whole number of seconds");
                }
                insert.setString(14, PayloadFields.optionalId(step, "staffId", stepWhere));
                insert.setString(15, PayloadFields.optionalId(step, "station", stepWhere));
                insert.setString(16, PayloadFields.optionalId(step, "district", stepWhere));
                insert.setString(17, PayloadFields.optionalId(step, "shift", stepWhere));
                insert.executeUpdate();
            }
        }
    }

    private static Instant optionalInstant(JsonNode node, String field, String where) {
        return node.hasNonNull(field) ? PayloadFields.instant(node, field, where) : null;
    }
}
