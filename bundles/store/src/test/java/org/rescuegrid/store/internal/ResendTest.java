package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.event.StoredDeviceEvent;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.store.schema.SchemaMigrator;

/** A tracker's resend of records it was not acknowledged for is stored once, and returns the stored record. */
class ResendTest {

    private static final Instant FIX_TIME = Instant.parse("2026-12-04T10:00:00Z");

    private EmbeddedDataSource dataSource;

    @BeforeAll
    static void keepDerbyLogInTarget() {
        // Derby writes derby.log to the working directory by default; the property must be set before the first connection boots it.
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @BeforeEach
    void createDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:resend-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
    }

    @Test
    void resentPositionStoredOnce() throws Exception {
        DerbyPositionStore positions = new DerbyPositionStore(new StoreDatabase(dataSource));
        PositionFix fix = new PositionFix("356307042441013", FIX_TIME, 31.52, 74.35, null, 40.0, 90.0, 9, null, true);

        StoredPosition first = positions.store(fix);
        StoredPosition resent = positions.store(fix);
        StoredPosition next = positions.store(new PositionFix("356307042441013", FIX_TIME.plusSeconds(10), 31.53, 74.35, null, 40.0,
                90.0, 9, null, true));

        assertEquals(first.eventId(), resent.eventId());
        assertEquals(first.receivedAt(), resent.receivedAt());
        assertNotEquals(first.eventId(), next.eventId());
        assertEquals(2, positions.countForDevice("356307042441013"));
        assertEquals(2, count("SELECT COUNT(*) FROM outbox"), "a resend queues nothing for HQ");
    }

    @Test
    void resentEventStoredOnce() throws Exception {
        DerbyDeviceEventStore events = new DerbyDeviceEventStore(new StoreDatabase(dataSource));
        DeviceEvent sos = new DeviceEvent("356307042441013", DeviceEventTypes.SOS, FIX_TIME, Map.of("alarmCode", "1"));

        StoredDeviceEvent first = events.store(sos);
        StoredDeviceEvent resent = events.store(sos);
        events.store(new DeviceEvent("356307042441013", DeviceEventTypes.IGNITION_ON, FIX_TIME, Map.of()));

        assertEquals(first.eventId(), resent.eventId());
        assertEquals(2, count("SELECT COUNT(*) FROM device_event"));
        assertEquals(2, count("SELECT COUNT(*) FROM outbox"));
    }

    @Test
    void migrationKeepsFirstOfStoredCopies() throws Exception {
        new SchemaMigrator("rescuegrid", StoreDatabase.class.getClassLoader(), StoreDatabase.MIGRATIONS.subList(0, 2)).migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String eventId : new String[] {"00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"}) {
                statement.executeUpdate("INSERT INTO position_fix (event_id, device_id, fix_time, received_at, latitude, longitude, fix_valid)"
                        + " VALUES ('" + eventId + "', 'TRK-LHR-01', TIMESTAMP('2022-03-09 15:01:19'), CURRENT_TIMESTAMP, 31.5, 74.3, TRUE)");
            }
        }

        DerbyPositionStore positions = new DerbyPositionStore(new StoreDatabase(dataSource));

        assertEquals(1, positions.countForDevice("TRK-LHR-01"));
        assertEquals(1, count("SELECT COUNT(*) FROM position_fix WHERE event_id = '00000000-0000-0000-0000-000000000001'"));
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
