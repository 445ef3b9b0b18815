package org.rescuegrid.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** An embedded Derby database in a test's temporary directory, shut down by {@link #close()}. */
public final class EmbeddedDerby implements AutoCloseable {

    /** SQLState Derby raises when a single database shut down as requested. */
    private static final String DATABASE_SHUT_DOWN = "08006";

    static {
        // Derby writes derby.log to the working directory, which is the module directory under Maven.
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", "target/derby.log");
        }
    }

    private final String databaseName;
    private final EmbeddedDataSource dataSource;
    private boolean closed;

    public EmbeddedDerby(Path directory) {
        this.databaseName = directory.resolve("db").toString();
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(databaseName);
        dataSource.setCreateDatabase("create");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs one SQL statement outside the code under test, for setup or to break the schema on purpose. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Returns the single number a query such as {@code SELECT COUNT(*) ...} yields. */
    public long queryLong(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("query returned no row: " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** Returns the single text value a query yields, or null for SQL NULL. */
    public String queryString(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("query returned no row: " + sql);
            }
            return rs.getString(1);
        }
    }

    public boolean tableExists(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table.toUpperCase(Locale.ROOT), null)) {
            return tables.next();
        }
    }

    /**
     * Shuts the database down so that its files are closed before the temporary directory is deleted.
     * A test that never connected has no database to shut down, and a second call does nothing.
     */
    @Override
    public void close() throws SQLException {
        if (closed || !Files.isDirectory(Path.of(databaseName))) {
            return;
        }
        closed = true;
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(databaseName);
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
