package org.rescuegrid.store.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a schema up to date by running the migrations it has not run yet, each in its own transaction,
 * and recording them in a history table named after the schema. A database with a newer version than
 * the code knows is rejected, because running old code on it could corrupt data.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final String schemaName;
    private final ClassLoader scripts;
    private final List<Migration> migrations;

    public SchemaMigrator(String schemaName, ClassLoader scripts, List<Migration> migrations) {
        this.schemaName = schemaName;
        this.scripts = scripts;
        this.migrations = List.copyOf(migrations);
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions of " + schemaName + " must be 1, 2, 3...; found "
                        + this.migrations.get(i).version() + " at position " + (i + 1));
            }
        }
    }

    /** Runs the pending migrations and returns the schema version afterwards. */
    public int migrate(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            createHistoryTable(connection);
            int current = currentVersion(connection);
            if (current > migrations.size()) {
                throw new SQLException("database schema " + schemaName + " is at version " + current
                        + " but this build knows only up to " + migrations.size() + "; install the newer build or restore a backup");
            }
            for (Migration migration : migrations.subList(current, migrations.size())) {
                apply(connection, migration);
            }
            LOG.info("Schema {} at version {}", schemaName, migrations.size());
            return migrations.size();
        }
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(migration)) {
                statement.execute(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + historyTable() + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                Jdbc.setInstant(insert, 3, Instant.now());
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Schema {} migrated to version {}: {}", schemaName, migration.version(), migration.description());
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration " + migration.version() + " of schema " + schemaName + " ("
                    + migration.resource() + ") failed and was rolled back: " + e.getMessage(), e.getSQLState(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private List<String> statements(Migration migration) throws SQLException {
        String script;
        try (InputStream in = scripts.getResourceAsStream(migration.resource())) {
            if (in == null) {
                throw new SQLException("migration script " + migration.resource() + " of schema " + schemaName + " is missing from the bundle");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("migration script " + migration.resource() + " could not be read: " + e.getMessage(), e);
        }

        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new SQLException("migration script " + migration.resource() + " ends without a semicolon after: " + current.toString().strip());
        }
        return result;
    }

    private void createHistoryTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, historyTable().toUpperCase(Locale.ROOT), null)) {
            if (tables.next()) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + historyTable()
                    + " (version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
    }

    private int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM " + historyTable())) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String historyTable() {
        return schemaName + "_schema_history";
    }
}
