package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.AssistanceKind;
import org.rescuegrid.frontoffice.AssistanceRecipient;
import org.rescuegrid.frontoffice.IncidentOutcome;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Reads and writes the records kept on an incident besides its steps: technical assistance and the
 * outcome. Like {@link FrontOfficeTables}, each write appends its outbox record on the same connection.
 */
final class CaseTables {

    static final String ASSISTANCE_RECORD = "incident-assistance";
    static final String OUTCOME_RECORD = "incident-outcome";

    private CaseTables() {
    }

    static void insertAssistance(Connection connection, Assistance assistance, Instant recordedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fo_assistance (assistance_id, incident_id, given_at, given_by,"
                + " given_to, vehicle_id, kind, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, assistance.assistanceId());
            insert.setString(2, assistance.incidentId());
            Jdbc.setInstant(insert, 3, assistance.givenAt());
            insert.setString(4, assistance.givenBy());
            insert.setString(5, assistance.givenTo().name());
            insert.setString(6, assistance.vehicleId());
            insert.setString(7, assistance.kind().name());
            insert.setString(8, assistance.text());
            insert.setString(9, assistance.recordedBy());
            Jdbc.setInstant(insert, 10, recordedAt);
            insert.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", assistance.incidentId());
        payload.put("givenAt", assistance.givenAt());
        payload.put("givenBy", assistance.givenBy());
        payload.put("givenTo", assistance.givenTo().label());
        payload.put("vehicleId", assistance.vehicleId());
        payload.put("kind", assistance.kind().label());
        payload.put("text", assistance.text());
        payload.put("recordedBy", assistance.recordedBy());
        payload.put("recordedAt", recordedAt);
        FrontOfficeTables.outbox(connection, assistance.assistanceId(), ASSISTANCE_RECORD, recordedAt, payload);
    }

    /** Loads an incident's assistance records in the order they were given. */
    static List<Assistance> loadAssistance(Connection connection, String incidentId) throws SQLException {
        List<Assistance> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM fo_assistance WHERE incident_id = ? ORDER BY given_at, seq")) {
            query.setString(1, incidentId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(new Assistance(rs.getString("assistance_id"), rs.getString("incident_id"), Jdbc.getInstant(rs, "given_at"),
                            rs.getString("given_by"), AssistanceRecipient.valueOf(rs.getString("given_to")), rs.getString("vehicle_id"),
                            AssistanceKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("recorded_by")));
                }
            }
        }
        return result;
    }

    static void insertOutcome(Connection connection, String incidentId, IncidentOutcome outcome, String supervisor, Instant recordedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fo_outcome (incident_id, people_rescued, first_aid_on_scene,"
                + " taken_to_hospital, deaths_on_scene, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, incidentId);
            insert.setInt(2, outcome.peopleRescued());
            insert.setInt(3, outcome.firstAidOnScene());
            insert.setInt(4, outcome.takenToHospital());
            insert.setInt(5, outcome.deathsOnScene());
            insert.setString(6, supervisor);
            Jdbc.setInstant(insert, 7, recordedAt);
            insert.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", incidentId);
        payload.put("peopleRescued", outcome.peopleRescued());
        payload.put("firstAidOnScene", outcome.firstAidOnScene());
        payload.put("takenToHospital", outcome.takenToHospital());
        payload.put("deathsOnScene", outcome.deathsOnScene());
        payload.put("recordedBy", supervisor);
        payload.put("recordedAt", recordedAt);
        FrontOfficeTables.outbox(connection, java.util.UUID.randomUUID().toString(), OUTCOME_RECORD, recordedAt, payload);
    }

    static Optional<IncidentOutcome> loadOutcome(Connection connection, String incidentId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM fo_outcome WHERE incident_id = ?")) {
            query.setString(1, incidentId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IncidentOutcome(rs.getInt("people_rescued"), rs.getInt("first_aid_on_scene"),
                        rs.getInt("taken_to_hospital"), rs.getInt("deaths_on_scene")));
            }
        }
    }
}
