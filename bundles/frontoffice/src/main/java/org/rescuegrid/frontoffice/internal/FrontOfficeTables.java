package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;
import org.rescuegrid.frontoffice.VehicleType;
import org.rescuegrid.store.outbox.OutboxAppender;
import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes the front office's tables. Every write method also appends the outbox record that
 * carries the change to HQ, on the same connection, so the caller's transaction covers both.
 */
final class FrontOfficeTables {

    static final String CALL_RECORD = "call";
    static final String INCIDENT_RECORD = "incident";
    static final String STEP_RECORD = "incident-step";
    static final String ALERT_RECORD = "incident-alert";
    static final String RECLASSIFIED_RECORD = "call-reclassified";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private FrontOfficeTables() {
    }

    static String column(Step step) {
        return step.name().toLowerCase(java.util.Locale.ROOT) + "_at";
    }

    static long maxNumber(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(number) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void insertCall(Connection connection, long number, CallRecord call, String district) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fo_call (call_id, number, received_at, recorded_at,"
                + " caller_number, caller_name, latitude, longitude, landmark, incident_type, people_affected, note, disposition,"
                + " incident_id, repeat_nuisance, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Location location = call.location();
            insert.setString(1, call.callId());
            insert.setLong(2, number);
            Jdbc.setInstant(insert, 3, call.receivedAt());
            Jdbc.setInstant(insert, 4, call.recordedAt());
            insert.setString(5, call.callerNumber());
            insert.setString(6, call.callerName());
            Jdbc.setDouble(insert, 7, location == null ? null : location.latitude());
            Jdbc.setDouble(insert, 8, location == null ? null : location.longitude());
            insert.setString(9, location == null ? null : location.landmark());
            insert.setString(10, call.type() == null ? null : call.type().name());
            insert.setInt(11, call.peopleAffected());
            insert.setString(12, call.note());
            insert.setString(13, call.disposition().name());
            insert.setString(14, call.incidentId());
            insert.setBoolean(15, call.repeatNuisance());
            insert.setString(16, call.operator());
            insert.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("callId", call.callId());
        payload.put("receivedAt", call.receivedAt());
        payload.put("callerNumber", call.maskedCallerNumber());
        payload.put("location", call.location());
        payload.put("incidentType", call.type() == null ? null : call.type().label());
        payload.put("peopleAffected", call.peopleAffected());
        payload.put("disposition", call.disposition().label());
        payload.put("incidentId", call.incidentId());
        payload.put("repeatNuisance", call.repeatNuisance());
        payload.put("operator", call.operator());
        payload.put("district", district);
        outbox(connection, CALL_RECORD, call.recordedAt(), payload);
    }

    static void insertIncident(Connection connection, long number, Incident incident, Instant now, String district) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fo_incident (incident_id, number, incident_type,"
                + " latitude, longitude, landmark, people_affected, note, call_count, call_received_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, incident.incidentId());
            insert.setLong(2, number);
            insert.setString(3, incident.type().name());
            insert.setDouble(4, incident.location().latitude());
            insert.setDouble(5, incident.location().longitude());
            insert.setString(6, incident.location().landmark());
            insert.setInt(7, incident.peopleAffected());
            insert.setString(8, incident.note());
            insert.setInt(9, incident.calls());
            Jdbc.setInstant(insert, 10, incident.time(Step.CALL_RECEIVED));
            Jdbc.setInstant(insert, 11, incident.time(Step.CREATED));
            insert.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", incident.incidentId());
        payload.put("incidentType", incident.type().label());
        payload.put("location", incident.location());
        payload.put("peopleAffected", incident.peopleAffected());
        payload.put("callReceivedAt", incident.time(Step.CALL_RECEIVED));
        payload.put("createdAt", incident.time(Step.CREATED));
        payload.put("district", district);
        outbox(connection, INCIDENT_RECORD, now, payload);
    }

    static java.util.Optional<CallRecord> loadCall(Connection connection, String callId) throws SQLException {
        return loadCalls(connection, "call_id = ?", List.of(callId)).stream().findFirst();
    }

    static void reclassify(Connection connection, CallRecord call, Disposition disposition, String supervisor, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE fo_call SET disposition = ? WHERE call_id = ?")) {
            update.setString(1, disposition.name());
            update.setString(2, call.callId());
            update.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("callId", call.callId());
        payload.put("from", call.disposition().label());
        payload.put("to", disposition.label());
        payload.put("incidentId", call.incidentId());
        payload.put("reclassifiedBy", supervisor);
        payload.put("reclassifiedAt", now);
        outbox(connection, RECLASSIFIED_RECORD, now, payload);
    }

    static void incrementCalls(Connection connection, String incidentId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE fo_incident SET call_count = call_count + 1 WHERE incident_id = ?")) {
            update.setString(1, incidentId);
            update.executeUpdate();
        }
    }

    static void insertAssignment(Connection connection, String incidentId, Assignment assignment) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fo_assignment (incident_id, vehicle_id, vehicle_type,"
                + " recommended_eta_s, dispatched_by, dispatched_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, incidentId);
            insert.setString(2, assignment.vehicleId());
            insert.setString(3, assignment.vehicleType().name());
            if (assignment.recommendedEta() == null) {
                insert.setNull(4, java.sql.Types.BIGINT);
            } else {
                insert.setLong(4, assignment.recommendedEta().toSeconds());
            }
            insert.setString(5, assignment.dispatchedBy());
            Jdbc.setInstant(insert, 6, assignment.steps().get(Step.DISPATCHED));
            insert.executeUpdate();
        }
    }

    /** Sets the time of a step on the incident's row, or on the vehicle's assignment row when vehicleId is given. */
    static void setStepTime(Connection connection, String incidentId, String vehicleId, Step step, Instant time) throws SQLException {
        String sql = vehicleId == null
                ? "UPDATE fo_incident SET " + column(step) + " = ? WHERE incident_id = ?"
                : "UPDATE fo_assignment SET " + column(step) + " = ? WHERE incident_id = ? AND vehicle_id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            Jdbc.setInstant(update, 1, time);
            update.setString(2, incidentId);
            if (vehicleId != null) {
                update.setString(3, vehicleId);
            }
            update.executeUpdate();
        }
    }

    static void setClosedBy(Connection connection, String incidentId, String supervisor) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE fo_incident SET closed_by = ? WHERE incident_id = ?")) {
            update.setString(1, supervisor);
            update.setString(2, incidentId);
            update.executeUpdate();
        }
    }

    /** Stores one step report and sends it to HQ, accepted or kept for audit. */
    static void insertStepReport(Connection connection, String incidentId, String vehicleId, Step step, Instant time, StepSource source,
            String user, Instant recordedAt, boolean accepted) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fo_step (event_id, incident_id, vehicle_id, step,"
                + " step_time, source, recorded_by, recorded_at, accepted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, incidentId);
            insert.setString(3, vehicleId);
            insert.setString(4, step.name());
            Jdbc.setInstant(insert, 5, time);
            insert.setString(6, source.name());
            insert.setString(7, user);
            Jdbc.setInstant(insert, 8, recordedAt);
            insert.setBoolean(9, accepted);
            insert.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", incidentId);
        payload.put("vehicleId", vehicleId);
        payload.put("step", step.label());
        payload.put("time", time);
        payload.put("source", source.label());
        payload.put("recordedBy", user);
        payload.put("recordedAt", recordedAt);
        payload.put("accepted", accepted);
        outbox(connection, eventId, STEP_RECORD, recordedAt, payload);
    }

    static void setAlert(Connection connection, String incidentId, Instant callReceivedAt, Instant raisedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE fo_incident SET alert_raised_at = ? WHERE incident_id = ?")) {
            Jdbc.setInstant(update, 1, raisedAt);
            update.setString(2, incidentId);
            update.executeUpdate();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", incidentId);
        payload.put("callReceivedAt", callReceivedAt);
        payload.put("raisedAt", raisedAt);
        payload.put("elapsedSeconds", Duration.between(callReceivedAt, raisedAt).toSeconds());
        outbox(connection, ALERT_RECORD, raisedAt, payload);
    }

    static int nuisanceCalls(Connection connection, String callerNumber, Instant since) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM fo_call WHERE caller_number = ?"
                + " AND received_at >= ? AND disposition IN ('" + Disposition.NUISANCE.name() + "', '" + Disposition.FAKE.name() + "')")) {
            query.setString(1, callerNumber);
            Jdbc.setInstant(query, 2, since);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Loads incidents with their vehicles: the open ones when {@code incidentId} is null. */
    static List<Incident> loadIncidents(Connection connection, String incidentId) throws SQLException {
        String sql = "SELECT * FROM fo_incident WHERE " + (incidentId == null ? "closed_at IS NULL" : "incident_id = ?") + " ORDER BY number";
        List<Incident> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (incidentId != null) {
                query.setString(1, incidentId);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("incident_id");
                    Map<Step, Instant> steps = new EnumMap<>(Step.class);
                    for (Step step : Step.values()) {
                        String column = step == Step.CREATED ? "created_at" : column(step);
                        Instant time = Jdbc.getInstant(rs, column);
                        if (time != null) {
                            steps.put(step, time);
                        }
                    }
                    Location location = new Location(rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("landmark"));
                    result.add(new Incident(id, IncidentType.valueOf(rs.getString("incident_type")), location, rs.getInt("people_affected"),
                            rs.getString("note"), rs.getInt("call_count"), steps, loadAssignments(connection, id),
                            Jdbc.getInstant(rs, "alert_raised_at"), rs.getString("closed_by")));
                }
            }
        }
        return result;
    }

    private static List<Assignment> loadAssignments(Connection connection, String incidentId) throws SQLException {
        Map<String, Map<Step, StepSource>> sources = acceptedSources(connection, incidentId);
        List<Assignment> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM fo_assignment WHERE incident_id = ? ORDER BY dispatched_at, vehicle_id")) {
            query.setString(1, incidentId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String vehicleId = rs.getString("vehicle_id");
                    Map<Step, Instant> steps = new EnumMap<>(Step.class);
                    for (Step step : Step.values()) {
                        if (step.isVehicleStep()) {
                            Instant time = Jdbc.getInstant(rs, column(step));
                            if (time != null) {
                                steps.put(step, time);
                            }
                        }
                    }
                    long eta = rs.getLong("recommended_eta_s");
                    Duration recommendedEta = rs.wasNull() ? null : Duration.ofSeconds(eta);
                    result.add(new Assignment(vehicleId, VehicleType.valueOf(rs.getString("vehicle_type")), steps,
                            sources.getOrDefault(vehicleId, Map.of()), recommendedEta, rs.getString("dispatched_by")));
                }
            }
        }
        return result;
    }

    private static Map<String, Map<Step, StepSource>> acceptedSources(Connection connection, String incidentId) throws SQLException {
        Map<String, Map<Step, StepSource>> result = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT vehicle_id, step, source FROM fo_step WHERE incident_id = ? AND accepted AND vehicle_id IS NOT NULL ORDER BY seq")) {
            query.setString(1, incidentId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString("vehicle_id"), k -> new EnumMap<>(Step.class))
                            .put(Step.valueOf(rs.getString("step")), StepSource.valueOf(rs.getString("source")));
                }
            }
        }
        return result;
    }

    static List<CallRecord> loadCalls(Connection connection, String incidentId, Instant from, Instant to) throws SQLException {
        return incidentId != null ? loadCalls(connection, "incident_id = ?", List.of(incidentId))
                : loadCalls(connection, "received_at >= ? AND received_at < ?", List.of(from, to));
    }

    private static List<CallRecord> loadCalls(Connection connection, String condition, List<Object> parameters) throws SQLException {
        List<CallRecord> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM fo_call WHERE " + condition + " ORDER BY received_at, number")) {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) instanceof Instant instant) {
                    Jdbc.setInstant(query, i + 1, instant);
                } else {
                    query.setString(i + 1, parameters.get(i).toString());
                }
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(readCall(rs));
                }
            }
        }
        return result;
    }

    private static CallRecord readCall(ResultSet rs) throws SQLException {
        Double latitude = Jdbc.getDouble(rs, "latitude");
        Double longitude = Jdbc.getDouble(rs, "longitude");
        Location location = latitude == null || longitude == null ? null : new Location(latitude, longitude, rs.getString("landmark"));
        String type = rs.getString("incident_type");
        return new CallRecord(rs.getString("call_id"), Jdbc.getInstant(rs, "received_at"), Jdbc.getInstant(rs, "recorded_at"),
                rs.getString("caller_number"), rs.getString("caller_name"), location, type == null ? null : IncidentType.valueOf(type),
                rs.getInt("people_affected"), rs.getString("note"), Disposition.valueOf(rs.getString("disposition")),
                rs.getString("incident_id"), rs.getBoolean("repeat_nuisance"), rs.getString("operator"));
    }

    /** Returns the ids of the incidents whose first call was received in {@code [from, to)}. */
    static List<String> incidentIds(Connection connection, Instant from, Instant to) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT incident_id FROM fo_incident WHERE call_received_at >= ? AND call_received_at < ? ORDER BY number")) {
            Jdbc.setInstant(query, 1, from);
            Jdbc.setInstant(query, 2, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    private static void outbox(Connection connection, String recordType, Instant createdAt, Map<String, Object> payload) throws SQLException {
        outbox(connection, UUID.randomUUID().toString(), recordType, createdAt, payload);
    }

    static void outbox(Connection connection, String eventId, String recordType, Instant createdAt, Map<String, Object> payload)
            throws SQLException {
        payload.put("eventId", eventId);
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(recordType + " record " + eventId + " could not be written as JSON: " + e.getMessage(), e);
        }
        OutboxAppender.append(connection, eventId, recordType, createdAt, json);
    }
}
