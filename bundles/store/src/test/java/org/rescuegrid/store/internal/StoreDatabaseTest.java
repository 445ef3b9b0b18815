package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.EmbeddedDerby;

class StoreDatabaseTest {

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private StoreDatabase database;

    @BeforeEach
    void open() throws SQLException {
        derby = new EmbeddedDerby(directory);
        database = new StoreDatabase(derby.dataSource());
    }

    @AfterEach
    void close() throws SQLException {
        derby.close();
    }

    @Test
    void lockTimeoutIsRunAgain() throws SQLException {
        AtomicInteger runs = new AtomicInteger();

        String result = database.inTransaction(connection -> {
            if (runs.incrementAndGet() == 1) {
                throw new SQLException("A lock could not be obtained within the time requested", "40XL1");
            }
            return "committed";
        });

        assertEquals("committed", result);
        assertEquals(2, runs.get());
    }

    @Test
    void lockConflictGivesUpAfterThreeRuns() {
        AtomicInteger runs = new AtomicInteger();

        SQLException e = assertThrows(SQLException.class, () -> database.inTransaction(connection -> {
            runs.incrementAndGet();
            throw new SQLException("deadlock", "40001");
        }));

        assertEquals("40001", e.getSQLState());
        assertEquals(3, runs.get());
    }

    @Test
    void otherFailuresAreNotRepeated() {
        AtomicInteger runs = new AtomicInteger();

        assertThrows(SQLException.class, () -> database.inTransaction(connection -> {
            runs.incrementAndGet();
            throw new SQLException("duplicate", "23505");
        }));

        assertEquals(1, runs.get());
    }
}
