package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Copies the "incident-outcome" record the front office writes when a supervisor closes an incident into
 * hq_outcome. The front office stores one outcome per incident. If a second one arrives under a new event id,
 * it replaces the figures, as later step reports do.
 */
final class IncidentOutcomeProjection {

    /** Upper bound of each figure, as the front office accepts them. */
    static final int MAX_PEOPLE = 10_000;

    private IncidentOutcomeProjection() {
    }

    static void store(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "incident outcome " + record.eventId();
        String incidentId = PayloadFields.requiredId(payload, "incidentId", where);
        int rescued = count(payload, "peopleRescued", where);
        int firstAid = count(payload, "firstAidOnScene", where);
        int hospital = count(payload, "takenToHospital", where);
        int deaths = count(payload, "deathsOnScene", where);
        if (firstAid + hospital > rescued) {
            throw new InvalidBatchException(where + " has firstAidOnScene " + firstAid + " plus takenToHospital " + hospital
                    + " above peopleRescued " + rescued + "; both count people among those rescued");
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE hq_outcome SET event_id = ?, people_rescued = ?,"
                + " first_aid_on_scene = ?, taken_to_hospital = ?, deaths_on_scene = ?, recorded_at = ? WHERE province = ? AND incident_id = ?")) {
            update.setString(1, record.eventId());
            update.setInt(2, rescued);
            update.setInt(3, firstAid);
            update.setInt(4, hospital);
            update.setInt(5, deaths);
            Jdbc.setInstant(update, 6, PayloadFields.instant(payload, "recordedAt", where));
            update.setString(7, province);
            update.setString(8, incidentId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_outcome (event_id, province, incident_id, people_rescued,"
                + " first_aid_on_scene, taken_to_hospital, deaths_on_scene, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.eventId());
            insert.setString(2, province);
            insert.setString(3, incidentId);
            insert.setInt(4, rescued);
            insert.setInt(5, firstAid);
            insert.setInt(6, hospital);
            insert.setInt(7, deaths);
            Jdbc.setInstant(insert, 8, PayloadFields.instant(payload, "recordedAt", where));
            insert.executeUpdate();
        }
    }

    private static int count(JsonNode payload, String field, String where) {
        JsonNode value = payload.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > MAX_PEOPLE) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + value + "' is not a whole number from 0 to " + MAX_PEOPLE);
        }
        return value.asInt();
    }
}
