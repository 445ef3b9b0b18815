package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.store.schema.Jdbc;

/** Keeps the latest outbox backlog each district reported, one row per district. */
@Component(service = UplinkBacklogs.class)
public class UplinkBacklogs {

    private final HqDatabase database;

    @Activate
    public UplinkBacklogs(@Reference HqDatabase database) {
        this.database = database;
    }

    /** Replaces the district's backlog with the one reported at {@code reportedAt}. */
    void record(String province, ReportedBacklog backlog, Instant reportedAt) throws SQLException {
        try (Connection connection = database.connect()) {
            if (update(connection, province, backlog, reportedAt) == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hq_uplink_backlog"
                        + " (backlog_rows, oldest_created_at, oldest_age_seconds, reported_at, province) VALUES (?, ?, ?, ?, ?)")) {
                    bind(insert, province, backlog, reportedAt);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // Another batch of the district inserted the row first.
                    if (!Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    update(connection, province, backlog, reportedAt);
                }
            }
        }
    }

    private static int update(Connection connection, String province, ReportedBacklog backlog, Instant reportedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE hq_uplink_backlog SET backlog_rows = ?,"
                + " oldest_created_at = ?, oldest_age_seconds = ?, reported_at = ? WHERE province = ?")) {
            bind(update, province, backlog, reportedAt);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, String province, ReportedBacklog backlog, Instant reportedAt) throws SQLException {
        statement.setLong(1, backlog.rows());
        Jdbc.setInstant(statement, 2, backlog.oldestCreatedAt());
        statement.setLong(3, backlog.oldestAgeSeconds());
        Jdbc.setInstant(statement, 4, reportedAt);
        statement.setString(5, province);
    }
}
