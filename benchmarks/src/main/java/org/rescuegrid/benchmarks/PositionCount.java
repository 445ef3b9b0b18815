package org.rescuegrid.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts the positions the load harness's trackers have in a node's Derby database, to cross-check the
 * acknowledged count. Derby is embedded in the node, so run this only after the node stopped:
 * {@code PositionCount DATABASE_DIRECTORY IMEI_PREFIX}, for example
 * {@code karaf-distribution/target/assembly/data/derby/rescuegrid 86999}.
 */
public final class PositionCount {

    private PositionCount() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 2 || !args[1].matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("usage: PositionCount DATABASE_DIRECTORY IMEI_PREFIX (digits)");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + args[0]);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT device_id) FROM position_fix WHERE device_id LIKE ?")) {
            query.setString(1, args[1] + "%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                System.out.printf("derby: %d positions of %d devices with IMEI prefix %s in %s%n", rs.getLong(1), rs.getLong(2), args[1], args[0]);
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a completed shutdown as SQLState XJ015.
            }
        }
    }
}
