package org.rescuegrid.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/**
 * The node's database after its schema is migrated. The repositories of this bundle depend on this
 * component rather than on the DataSource, so none of them runs before the migrations have.
 */
@Component(service = StoreDatabase.class, immediate = true)
public class StoreDatabase {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "devices, position fixes and the outbox", "db/rescuegrid/V001__initial.sql"),
            new Migration(2, "device events", "db/rescuegrid/V002__device_events.sql"),
            new Migration(3, "one position per device and fix time, one event per device, type and time",
                    "db/rescuegrid/V003__unique_records.sql"),
            new Migration(4, "device event resends matched by details", "db/rescuegrid/V004__event_resend_by_content.sql"),
            new Migration(5, "outbox records HQ rejected, with HQ's reason", "db/rescuegrid/V005__outbox_rejected.sql"),
            new Migration(6, "validity of each position fix", "db/rescuegrid/V006__position_validity.sql"),
            new Migration(7, "indexes by receive time for reconciliation with HQ", "db/rescuegrid/V007__reconciliation_indexes.sql"),
            new Migration(8, "ledger of the records other bundles sent to HQ", "db/rescuegrid/V008__record_ledger.sql"));

    /** SQLStates of a lock timeout (40XL1) and a deadlock (40001); running the transaction again can succeed. */
    private static final Set<String> LOCK_CONFLICTS = Set.of("40XL1", "40001");
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);

    private final DataSource dataSource;

    @Activate
    public StoreDatabase(@Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        new SchemaMigrator("rescuegrid", StoreDatabase.class.getClassLoader(), MIGRATIONS).migrate(dataSource);
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    /**
     * Runs the work in one transaction and commits it. A transaction Derby aborted for a lock timeout or a
     * deadlock is run again, up to {@value #ATTEMPTS} times in all: at boot, many drivers' first inserts meet
     * on the identity sequences, and Derby then gives up on the lock after a short wait.
     */
    <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return runOnce(work);
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !LOCK_CONFLICTS.contains(e.getSQLState())) {
                    throw e;
                }
                LOG.debug("Transaction aborted by a lock conflict ({}), attempt {} of {}: {}", e.getSQLState(), attempt, ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
    }

    private <T> T runOnce(TransactionWork<T> work) throws SQLException {
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

    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry a transaction", e);
        }
    }

    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
