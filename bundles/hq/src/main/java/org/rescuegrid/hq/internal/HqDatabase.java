package org.rescuegrid.hq.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/**
 * HQ's own database, separate from the province's even when both roles run in one node, so that moving
 * HQ to its own machine changes configuration only.
 */
@Component(service = HqDatabase.class, immediate = true)
public class HqDatabase {

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "received records and positions", "db/hq/V001__initial.sql"),
            new Migration(2, "device events", "db/hq/V002__device_events.sql"),
            new Migration(3, "Kafka messages rejected for their content", "db/hq/V003__kafka_rejected.sql"),
            new Migration(4, "calls, incidents and driving events", "db/hq/V004__front_office.sql"),
            new Migration(5, "validity of each position", "db/hq/V005__position_validity.sql"),
            new Migration(6, "incident outcomes", "db/hq/V006__incident_outcome.sql"),
            new Migration(7, "compliance results and audit chains", "db/hq/V007__compliance_and_audit.sql"),
            new Migration(8, "uplink backlog and reconciliation results", "db/hq/V008__backlog_reconciliation.sql"));

    private final DataSource dataSource;

    @Activate
    public HqDatabase(@Reference(target = "(dataSourceName=hq)") DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        new SchemaMigrator("hq", HqDatabase.class.getClassLoader(), MIGRATIONS).migrate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            ProjectionBackfill.run(connection);
        }
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }
}
