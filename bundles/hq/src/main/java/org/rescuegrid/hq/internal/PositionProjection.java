package org.rescuegrid.hq.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.regex.Pattern;

import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;

/** Copies the fields of a position record that HQ queries into the hq_position table. */
final class PositionProjection {

    static final String TYPE = "position";
    static final String INSERT = "INSERT INTO hq_position (event_id, province, device_id, vehicle_id, fix_time, latitude, longitude,"
            + " speed_kmh, fix_valid, validity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    // Checked by form, not against the flags this HQ was built with, so that HQ does not reject a
    // province whose newer store adds a flag.
    private static final Pattern VALIDITY = Pattern.compile("[A-Z_]{1,24}");

    private PositionProjection() {
    }

    static void insert(PreparedStatement insert, String province, ReceivedRecord record) throws SQLException {
        JsonNode fix = record.payload().get("fix");
        String where = "position " + record.eventId();
        if (fix == null || !fix.isObject()) {
            throw new InvalidBatchException(where + " has no 'fix' object");
        }

        insert.setString(1, record.eventId());
        insert.setString(2, province);
        insert.setString(3, PayloadFields.requiredId(fix, "deviceId", where));
        insert.setString(4, PayloadFields.optionalId(record.payload(), "vehicleId", where));
        Jdbc.setInstant(insert, 5, PayloadFields.instant(fix, "fixTime", where));
        insert.setDouble(6, coordinate(fix, "latitude", 90, where));
        insert.setDouble(7, coordinate(fix, "longitude", 180, where));
        JsonNode speed = fix.get("speedKmh");
        if (speed == null || speed.isNull()) {
            insert.setNull(8, Types.DOUBLE);
        } else if (!speed.isNumber() || speed.asDouble() < 0 || speed.asDouble() > 2000) {
            throw new InvalidBatchException(where + " field 'speedKmh' value '" + speed + "' is not a number from 0 to 2000 km/h");
        } else {
            insert.setDouble(8, speed.asDouble());
        }
        insert.setBoolean(9, fix.path("valid").asBoolean(false));
        insert.setString(10, validity(record.payload(), where));
        insert.executeUpdate();
    }

    /** Returns the store's validity flag of the position, or null when the province did not send one. */
    private static String validity(JsonNode payload, String where) {
        JsonNode value = payload.get("validity");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !VALIDITY.matcher(value.asText()).matches()) {
            throw new InvalidBatchException(where + " field 'validity' value '" + value + "' is not 1-24 capital letters or '_'");
        }
        return value.asText();
    }

    private static double coordinate(JsonNode node, String field, double limit, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || Math.abs(value.asDouble()) > limit) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + value + "' is not a number within +-" + limit);
        }
        return value.asDouble();
    }
}
