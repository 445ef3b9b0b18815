package org.rescuegrid.backoffice.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/** The back office's tables in the node's database, under their own schema history "backoffice". */
public final class BackOfficeDatabase {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "hash-chained audit trail", "db/backoffice/V001__audit.sql"),
            new Migration(2, "procedure versions and the version of each incident", "db/backoffice/V002__procedures.sql"),
            new Migration(3, "incident facts and compliance results", "db/backoffice/V003__compliance.sql"),
            new Migration(4, "vehicle readiness checks", "db/backoffice/V004__readiness.sql"),
            new Migration(5, "roster versions", "db/backoffice/V005__roster_versions.sql"));

    private final DataSource dataSource;

    public BackOfficeDatabase(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        new SchemaMigrator("backoffice", BackOfficeDatabase.class.getClassLoader(), MIGRATIONS).migrate(dataSource);
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
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

    public <T> T read(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
