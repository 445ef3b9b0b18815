package org.rescuegrid.store.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.EmbeddedDerby;

class SchemaMigratorTest {

    private static final String SCRIPTS = "db/migratortest/";
    private static final Migration INCIDENTS = new Migration(1, "incidents", SCRIPTS + "V001__incidents.sql");
    private static final Migration UNITS = new Migration(2, "units", SCRIPTS + "V002__units.sql");
    private static final Migration BROKEN = new Migration(2, "units, broken", SCRIPTS + "V002__broken.sql");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;

    @BeforeEach
    void openDatabase() {
        derby = new EmbeddedDerby(directory);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        derby.close();
    }

    private static SchemaMigrator migrator(Migration... migrations) {
        return new SchemaMigrator("test", SchemaMigratorTest.class.getClassLoader(), List.of(migrations));
    }

    private long historyRows() throws SQLException {
        return derby.queryLong("SELECT COUNT(*) FROM test_schema_history");
    }

    @Test
    void migratePendingOnFreshDatabase() throws SQLException {
        int version = migrator(INCIDENTS, UNITS).migrate(derby.dataSource());

        assertEquals(2, version);
        assertTrue(derby.tableExists("incident"));
        assertTrue(derby.tableExists("unit"));
        assertEquals(2, historyRows());
        assertEquals("units", derby.queryString("SELECT description FROM test_schema_history WHERE version = 2"));
    }

    @Test
    void secondRunIsNoOp() throws SQLException {
        migrator(INCIDENTS, UNITS).migrate(derby.dataSource());

        // A second run of either script would fail on its primary key or on CREATE TABLE.
        int version = migrator(INCIDENTS, UNITS).migrate(derby.dataSource());

        assertEquals(2, version);
        assertEquals(2, historyRows());
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM incident"));
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM unit"));
    }

    @Test
    void upgradeRunsOnlyNewMigrations() throws SQLException {
        migrator(INCIDENTS).migrate(derby.dataSource());
        assertFalse(derby.tableExists("unit"));

        int version = migrator(INCIDENTS, UNITS).migrate(derby.dataSource());

        assertEquals(2, version);
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM incident"));
        assertEquals(7, derby.queryLong("SELECT id FROM unit"));
    }

    @Test
    void newerDatabaseRejected() throws SQLException {
        migrator(INCIDENTS, UNITS).migrate(derby.dataSource());

        SQLException e = assertThrows(SQLException.class, () -> migrator(INCIDENTS).migrate(derby.dataSource()));

        assertTrue(e.getMessage().contains("at version 2"), e.getMessage());
        assertTrue(e.getMessage().contains("only up to 1"), e.getMessage());
        assertTrue(e.getMessage().contains("schema test"), e.getMessage());
        assertEquals(2, historyRows());
    }

    @Test
    void failingScriptRollsBack() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> migrator(INCIDENTS, BROKEN).migrate(derby.dataSource()));

        assertTrue(e.getMessage().contains("V002__broken.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("migration 2"), e.getMessage());
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
        assertFalse(derby.tableExists("unit"), "CREATE TABLE of the failed script must be rolled back");
        assertEquals(1, derby.queryLong("SELECT COUNT(*) FROM incident"), "INSERT of the failed script must be rolled back");
        assertEquals(1, derby.queryLong("SELECT MAX(version) FROM test_schema_history"));
    }

    @Test
    void retryAfterFailedScript() throws SQLException {
        assertThrows(SQLException.class, () -> migrator(INCIDENTS, BROKEN).migrate(derby.dataSource()));

        int version = migrator(INCIDENTS, UNITS).migrate(derby.dataSource());

        assertEquals(2, version);
        assertTrue(derby.tableExists("unit"));
    }

    @Test
    void missingScriptNamed() {
        Migration missing = new Migration(1, "missing", SCRIPTS + "V001__nowhere.sql");

        SQLException e = assertThrows(SQLException.class, () -> migrator(missing).migrate(derby.dataSource()));

        assertTrue(e.getMessage().contains("V001__nowhere.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void scriptWithoutFinalSemicolonRejected() throws SQLException {
        Migration unterminated = new Migration(2, "unterminated", SCRIPTS + "V002__no_semicolon.sql");

        SQLException e = assertThrows(SQLException.class, () -> migrator(INCIDENTS, unterminated).migrate(derby.dataSource()));

        assertTrue(e.getMessage().contains("V002__no_semicolon.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("without a semicolon"), e.getMessage());
        assertFalse(derby.tableExists("unit"));
    }

    @Test
    void versionGapRejected() {
        Migration third = new Migration(3, "units", SCRIPTS + "V002__units.sql");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> migrator(INCIDENTS, third));

        assertTrue(e.getMessage().contains("found 3 at position 2"), e.getMessage());
    }

    @Test
    void schemasKeepSeparateHistories() throws SQLException {
        migrator(INCIDENTS).migrate(derby.dataSource());
        SchemaMigrator other = new SchemaMigrator("other", getClass().getClassLoader(), List.of());

        assertEquals(0, other.migrate(derby.dataSource()));
        assertEquals(0, derby.queryLong("SELECT COUNT(*) FROM other_schema_history"));
        assertEquals(1, historyRows());
    }

    @Test
    void secondRunUnderTurkishLocale() throws SQLException {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            migrator(INCIDENTS).migrate(derby.dataSource());

            assertEquals(1, migrator(INCIDENTS).migrate(derby.dataSource()));
        } finally {
            Locale.setDefault(original);
        }
    }
}
