package org.rescuegrid.store.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.EmbeddedDerby;

class JdbcTest {

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private TimeZone originalZone;

    @BeforeEach
    void setUp() throws SQLException {
        originalZone = TimeZone.getDefault();
        derby = new EmbeddedDerby(directory);
        derby.execute("CREATE TABLE sample (id INT NOT NULL PRIMARY KEY, recorded_at TIMESTAMP, speed DOUBLE, satellites INT)");
    }

    @AfterEach
    void tearDown() throws SQLException {
        TimeZone.setDefault(originalZone);
        derby.close();
    }

    private void write(int id, Instant at) throws SQLException {
        try (Connection connection = derby.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sample (id, recorded_at) VALUES (?, ?)")) {
            insert.setInt(1, id);
            Jdbc.setInstant(insert, 2, at);
            insert.executeUpdate();
        }
    }

    private Instant read(int id) throws SQLException {
        try (Connection connection = derby.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT recorded_at FROM sample WHERE id = ?")) {
            query.setInt(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return Jdbc.getInstant(rs, "recorded_at");
            }
        }
    }

    @Test
    void instantSurvivesZoneChange() throws SQLException {
        Instant fixTime = Instant.parse("2026-12-04T10:15:30.250Z");
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Karachi"));
        write(1, fixTime);

        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));

        assertEquals(fixTime, read(1));
    }

    @Test
    void instantStoredAsUtcWallTime() throws SQLException {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Karachi"));
        write(1, Instant.parse("2026-12-04T10:15:30Z"));

        // A TIMESTAMP literal carries no zone, so it matches only if the column contains UTC wall time.
        long matches = derby.queryLong("SELECT COUNT(*) FROM sample WHERE recorded_at = TIMESTAMP('2026-12-04 10:15:30')");

        assertEquals(1, matches);
    }

    @Test
    void instantInLocalDaylightSavingGap() throws SQLException {
        // 02:30 on 2024-03-10 does not exist in New York: clocks jump from 02:00 to 03:00.
        Instant utcWallTimeInGap = Instant.parse("2024-03-10T02:30:00Z");
        Instant instantInGap = Instant.parse("2024-03-10T07:30:00Z");
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));

        write(1, utcWallTimeInGap);
        write(2, instantInGap);

        assertEquals(utcWallTimeInGap, read(1));
        assertEquals(instantInGap, read(2));
    }

    @Test
    void nullInstantRoundTrip() throws SQLException {
        write(1, null);

        assertNull(read(1));
    }

    @Test
    void nullNumbersRoundTrip() throws SQLException {
        try (Connection connection = derby.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sample (id, speed, satellites) VALUES (?, ?, ?)")) {
                insert.setInt(1, 1);
                Jdbc.setDouble(insert, 2, null);
                Jdbc.setInteger(insert, 3, null);
                insert.executeUpdate();
                insert.setInt(1, 2);
                Jdbc.setDouble(insert, 2, 0.0);
                Jdbc.setInteger(insert, 3, 0);
                insert.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT speed, satellites FROM sample ORDER BY id");
                    ResultSet rs = query.executeQuery()) {
                rs.next();
                assertNull(Jdbc.getDouble(rs, "speed"));
                assertNull(Jdbc.getInteger(rs, "satellites"));
                rs.next();
                assertEquals(0.0, Jdbc.getDouble(rs, "speed"));
                assertEquals(0, Jdbc.getInteger(rs, "satellites"));
            }
        }
    }
}
