package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/** The front office's tables in the node's database, under their own schema history "frontoffice". */
final class FrontOfficeDatabase {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "calls, incidents, vehicle assignments and step reports", "db/frontoffice/V001__calls_incidents.sql"),
            new Migration(2, "technical assistance and incident outcomes", "db/frontoffice/V002__assistance_outcomes.sql"));

    private final DataSource dataSource;

    FrontOfficeDatabase(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        new SchemaMigrator("frontoffice", FrontOfficeDatabase.class.getClassLoader(), MIGRATIONS).migrate(dataSource);
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    <T> T read(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
