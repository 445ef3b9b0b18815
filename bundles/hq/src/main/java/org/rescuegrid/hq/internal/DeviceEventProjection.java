package org.rescuegrid.hq.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.rescuegrid.store.schema.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;

/** Copies the fields of a device event record that HQ queries into the hq_device_event table. */
final class DeviceEventProjection {

    static final String TYPE = "device-event";
    static final String INSERT = "INSERT INTO hq_device_event (event_id, province, device_id, vehicle_id, event_type, event_time)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    private DeviceEventProjection() {
    }

    static void insert(PreparedStatement insert, String province, ReceivedRecord record) throws SQLException {
        JsonNode event = record.payload().get("event");
        String where = "device event " + record.eventId();
        if (event == null || !event.isObject()) {
            throw new InvalidBatchException(where + " has no 'event' object");
        }

        insert.setString(1, record.eventId());
        insert.setString(2, province);
        insert.setString(3, PayloadFields.requiredId(event, "deviceId", where));
        insert.setString(4, PayloadFields.optionalId(record.payload(), "vehicleId", where));
        insert.setString(5, PayloadFields.requiredId(event, "type", where));
        Jdbc.setInstant(insert, 6, PayloadFields.instant(event, "time", where));
        insert.executeUpdate();
    }
}
