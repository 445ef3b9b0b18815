package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.rescuegrid.store.schema.Jdbc;
import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/**
 * The demo scenarios started on this node, in schema history "demo". A row is written when a replay
 * starts, so a replay that was interrupted is not started again either.
 */
final class DemoRuns {

    static final String SCHEMA = "demo";
    static final List<Migration> MIGRATIONS = List.of(new Migration(1, "demo scenario runs", "db/demo/V001__demo_runs.sql"));

    /** A recorded replay. {@code finishedAt} and {@code outcome} are null while it runs or after the node stopped during it. */
    record Run(String scenario, Instant startedAt, Instant finishedAt, String outcome) {
    }

    private final DataSource dataSource;

    DemoRuns(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        new SchemaMigrator(SCHEMA, DemoRuns.class.getClassLoader(), MIGRATIONS).migrate(dataSource);
    }

    Optional<Run> find(String scenario) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT started_at, finished_at, outcome FROM demo_run WHERE scenario = ?")) {
            query.setString(1, scenario);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Run(scenario, Jdbc.getInstant(rs, "started_at"), Jdbc.getInstant(rs, "finished_at"), rs.getString("outcome")));
            }
        }
    }

    /** Records the start of a replay; returns false when another start of the same scenario was recorded first. */
    boolean start(String scenario, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO demo_run (scenario, started_at) VALUES (?, ?)")) {
            insert.setString(1, scenario);
            Jdbc.setInstant(insert, 2, at);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    void finish(String scenario, Instant at, String outcome) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE demo_run SET finished_at = ?, outcome = ? WHERE scenario = ?")) {
            Jdbc.setInstant(update, 1, at);
            update.setString(2, outcome.length() > 500 ? outcome.substring(0, 500) : outcome);
            update.setString(3, scenario);
            update.executeUpdate();
        }
    }
}
