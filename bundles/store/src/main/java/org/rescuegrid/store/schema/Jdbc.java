package org.rescuegrid.store.schema;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** JDBC helpers shared by the node's stores, so that every timestamp is written and read in UTC. */
public final class Jdbc {

    /** Calendar for every TIMESTAMP column, so stored times do not depend on the JVM's time zone. */
    public static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    /** SQLState of a unique or primary key violation. */
    public static final String DUPLICATE_KEY = "23505";

    private Jdbc() {
    }

    /**
     * Returns whether the failure is a unique or primary key violation. A JDBC batch reports the violation
     * of one of its rows as the next exception or the cause of its BatchUpdateException, so both are followed.
     */
    public static boolean isDuplicateKey(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (DUPLICATE_KEY.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(value), calendar());
        }
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column, calendar());
        return value == null ? null : value.toInstant();
    }

    public static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    public static Double getDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer getInteger(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    // Calendar is not thread-safe, and JDBC drivers may modify the one they are given.
    private static Calendar calendar() {
        return (Calendar) UTC.clone();
    }
}
