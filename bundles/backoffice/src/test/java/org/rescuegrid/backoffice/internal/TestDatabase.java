package org.rescuegrid.backoffice.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/** A Derby database with the core schema (for the outbox), in memory or in a directory that survives a restart. */
final class TestDatabase {

    private TestDatabase() {
    }

    static EmbeddedDataSource inMemory() throws SQLException {
        return open("memory:backoffice-" + UUID.randomUUID());
    }

    static EmbeddedDataSource open(String name) throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(name);
        dataSource.setCreateDatabase("create");
        new SchemaMigrator("rescuegrid", SchemaMigrator.class.getClassLoader(), List.of(
                new Migration(1, "core", "db/rescuegrid/V001__initial.sql"),
                new Migration(2, "device events", "db/rescuegrid/V002__device_events.sql"),
                new Migration(3, "record ledger", "db/rescuegrid/V008__record_ledger.sql"))).migrate(dataSource);
        return dataSource;
    }

    /** Shuts the database down, as a node stop does. */
    static void shutdown(String name) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(name);
        dataSource.setShutdownDatabase("shutdown");
        try (Connection ignored = dataSource.getConnection()) {
            throw new IllegalStateException("database " + name + " did not shut down");
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("database " + name + " did not shut down: " + e.getMessage(), e);
            }
        }
    }

    static int update(javax.sql.DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    static List<String> column(javax.sql.DataSource dataSource, String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
