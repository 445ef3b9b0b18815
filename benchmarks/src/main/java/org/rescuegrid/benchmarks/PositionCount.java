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
                PreparedStatement query = connection.prepareStatement("SELECT d.protocol, COUNT(*), COUNT(DISTINCT p.device_id)"
                        + " FROM position_fix p JOIN device d ON d.device_id = p.device_id WHERE p.device_id LIKE ? GROUP BY d.protocol")) {
            query.setString(1, args[1] + "%");
            try (ResultSet rs = query.executeQuery()) {
                long positions = 0;
                while (rs.next()) {
                    positions += rs.getLong(2);
                    System.out.printf("derby: %s: %d positions of %d devices%n", rs.getString(1), rs.getLong(2), rs.getLong(3));
                }
                System.out.printf("derby: %d positions of devices with IMEI prefix %s in %s%n", positions, args[1], args[0]);
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
