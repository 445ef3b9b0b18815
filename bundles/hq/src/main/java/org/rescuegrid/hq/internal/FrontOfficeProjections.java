package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Copies the front-office records HQ computes KPIs and reports from into columns: calls, incidents with the
 * time of each step, incident outcomes and driving events. Records arrive in the order the province wrote them, so a later step report
 * overwrites an earlier one. A step or reclassification of a call or incident HQ does not have changes nothing.
 */
final class FrontOfficeProjections {

    static final String CALL = "call";
    static final String CALL_RECLASSIFIED = "call-reclassified";
    static final String INCIDENT = "incident";
    static final String INCIDENT_STEP = "incident-step";
    static final String DRIVER_EVENT = "driver-event";
    static final String INCIDENT_OUTCOME = "incident-outcome";

    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    // Incident steps by their label in step records, with the hq_incident column of each.
    private static final Map<String, String> STEP_COLUMNS = Map.of(
            "call-received", "call_received_at",
            "created", "created_at",
            "dispatched", "dispatched_at",
            "left-station", "left_station_at",
            "on-scene", "on_scene_at",
            "left-scene", "left_scene_at",
            "at-hospital", "at_hospital_at",
            "back-in-service", "back_in_service_at",
            "closed", "closed_at");

    private FrontOfficeProjections() {
    }

    /** Returns whether HQ projects records of this type. */
    static boolean handles(String type) {
        return switch (type) {
            case CALL, CALL_RECLASSIFIED, INCIDENT, INCIDENT_STEP, DRIVER_EVENT, INCIDENT_OUTCOME -> true;
            default -> false;
        };
    }

    static void project(Connection connection, String province, ReceivedRecord record) throws SQLException {
        switch (record.type()) {
            case CALL -> insertCall(connection, province, record);
            case CALL_RECLASSIFIED -> reclassify(connection, province, record);
            case INCIDENT -> insertIncident(connection, province, record);
            case INCIDENT_STEP -> step(connection, province, record);
            case DRIVER_EVENT -> insertDriverEvent(connection, province, record);
            case INCIDENT_OUTCOME -> IncidentOutcomeProjection.store(connection, province, record);
            default -> throw new IllegalArgumentException("record type " + record.type() + " has no front-office projection");
        }
    }

    private static void insertCall(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "call " + record.eventId();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_call (event_id, province, call_id, received_at,"
                + " disposition, incident_type, incident_id, district) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.eventId());
            insert.setString(2, province);
            insert.setString(3, PayloadFields.requiredId(payload, "callId", where));
            Jdbc.setInstant(insert, 4, PayloadFields.instant(payload, "receivedAt", where));
            insert.setString(5, label(payload, "disposition", where));
            insert.setString(6, optionalLabel(payload, "incidentType", where));
            insert.setString(7, PayloadFields.optionalId(payload, "incidentId", where));
            insert.setString(8, PayloadFields.requiredId(payload, "district", where));
            insert.executeUpdate();
        }
    }

    private static void reclassify(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "call reclassification " + record.eventId();
        try (PreparedStatement update = connection.prepareStatement("UPDATE hq_call SET disposition = ? WHERE province = ? AND call_id = ?")) {
            update.setString(1, label(payload, "to", where));
            update.setString(2, province);
            update.setString(3, PayloadFields.requiredId(payload, "callId", where));
            update.executeUpdate();
        }
    }

    private static void insertIncident(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "incident " + record.eventId();
        JsonNode location = payload.get("location");
        if (location == null || !location.path("latitude").isNumber() || !location.path("longitude").isNumber()) {
            throw new InvalidBatchException(where + " has no 'location' with numeric latitude and longitude");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_incident (event_id, province, incident_id, incident_type,"
                + " district, latitude, longitude, call_received_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.eventId());
            insert.setString(2, province);
            insert.setString(3, PayloadFields.requiredId(payload, "incidentId", where));
            insert.setString(4, label(payload, "incidentType", where));
            insert.setString(5, PayloadFields.requiredId(payload, "district", where));
            insert.setDouble(6, location.get("latitude").asDouble());
            insert.setDouble(7, location.get("longitude").asDouble());
            Jdbc.setInstant(insert, 8, PayloadFields.instant(payload, "callReceivedAt", where));
            Jdbc.setInstant(insert, 9, PayloadFields.instant(payload, "createdAt", where));
            insert.executeUpdate();
        }
    }

    /** Sets the incident's time of a step from an accepted report for the whole incident; vehicle reports stay in hq_record. */
    private static void step(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "incident step " + record.eventId();
        JsonNode vehicle = payload.get("vehicleId");
        if ((vehicle != null && !vehicle.isNull()) || !payload.path("accepted").asBoolean(false)) {
            return;
        }
        String step = label(payload, "step", where);
        String column = STEP_COLUMNS.get(step);
        if (column == null) {
            throw new InvalidBatchException(where + " step '" + step + "' is unknown; expected one of " + STEP_COLUMNS.keySet());
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE hq_incident SET " + column + " = ? WHERE province = ? AND incident_id = ?")) {
            Jdbc.setInstant(update, 1, PayloadFields.instant(payload, "time", where));
            update.setString(2, province);
            update.setString(3, PayloadFields.requiredId(payload, "incidentId", where));
            update.executeUpdate();
        }
    }

    private static void insertDriverEvent(Connection connection, String province, ReceivedRecord record) throws SQLException {
        JsonNode payload = record.payload();
        String where = "driver event " + record.eventId();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_driver_event (event_id, province, vehicle_id, vehicle_type,"
                + " driver_id, event_type, event_time, speed_kmh, limit_kmh, event_value, from_tracker, shift, shift_day)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.eventId());
            insert.setString(2, province);
            insert.setString(3, PayloadFields.requiredId(payload, "vehicleId", where));
            insert.setString(4, label(payload, "vehicleType", where));
            insert.setString(5, PayloadFields.optionalId(payload, "driverId", where));
            insert.setString(6, label(payload, "type", where));
            Jdbc.setInstant(insert, 7, PayloadFields.instant(payload, "time", where));
            Jdbc.setDouble(insert, 8, optionalNumber(payload, "speedKmh", where));
            Jdbc.setDouble(insert, 9, optionalNumber(payload, "limitKmh", where));
            Jdbc.setDouble(insert, 10, optionalNumber(payload, "value", where));
            insert.setBoolean(11, payload.path("fromTracker").asBoolean(false));
            insert.setString(12, PayloadFields.requiredId(payload, "shift", where));
            insert.setDate(13, Date.valueOf(date(payload, "shiftDay", where)));
            insert.executeUpdate();
        }
    }

    private static String label(JsonNode payload, String field, String where) {
        String value = PayloadFields.requiredText(payload, field, where);
        if (!LABEL.matcher(value).matches()) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + value + "' is not a lower-case label such as on-scene");
        }
        return value;
    }

    private static String optionalLabel(JsonNode payload, String field, String where) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : label(payload, field, where);
    }

    private static Double optionalNumber(JsonNode payload, String field, String where) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + value + "' is not a number");
        }
        return value.asDouble();
    }

    private static LocalDate date(JsonNode payload, String field, String where) {
        String text = PayloadFields.requiredText(payload, field, where);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + text + "' is not a date such as 2026-12-04");
        }
    }
}
