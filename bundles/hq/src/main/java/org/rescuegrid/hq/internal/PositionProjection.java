package org.rescuegrid.hq.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;

/** Copies the fields of a position record that HQ queries into the hq_position table. */
final class PositionProjection {

    static final String TYPE = "position";

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
        insert.setString(3, requiredText(fix, "deviceId", where));
        JsonNode vehicle = record.payload().get("vehicleId");
        insert.setString(4, vehicle == null || vehicle.isNull() ? null : vehicle.asText());
        Jdbc.setInstant(insert, 5, instant(fix, "fixTime", where));
        insert.setDouble(6, coordinate(fix, "latitude", 90, where));
        insert.setDouble(7, coordinate(fix, "longitude", 180, where));
        JsonNode speed = fix.get("speedKmh");
        if (speed == null || speed.isNull()) {
            insert.setNull(8, Types.DOUBLE);
        } else {
            insert.setDouble(8, speed.asDouble());
        }
        insert.setBoolean(9, fix.path("valid").asBoolean(false));
        insert.executeUpdate();
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidBatchException(where + " has no text field '" + field + "'");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field, String where) {
        String text = requiredText(node, field, where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + text + "' is not an ISO-8601 UTC time");
        }
    }

    private static double coordinate(JsonNode node, String field, double limit, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || Math.abs(value.asDouble()) > limit) {
            throw new InvalidBatchException(where + " field '" + field + "' value '" + value + "' is not a number within +-" + limit);
        }
        return value.asDouble();
    }
}
