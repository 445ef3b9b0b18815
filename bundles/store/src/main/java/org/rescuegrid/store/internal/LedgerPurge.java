package org.rescuegrid.store.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes from the ledger the UTC days older than its retention, on a timer route. Each purge that removes
 * records logs how many of each type and of which days.
 */
@Component(service = RoutesBuilder.class, configurationPid = LedgerSettings.PID)
@Designate(ocd = LedgerConfig.class)
public class LedgerPurge extends RouteBuilder {

    static final String ROUTE_ID = "rescuegrid-store-ledger-purge";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPurge.class);

    private final StoreDatabase database;
    private final LedgerSettings settings;
    private final Clock clock;

    @Activate
    public LedgerPurge(@Reference StoreDatabase database, LedgerConfig config) {
        this(database, LedgerSettings.from(config), Clock.systemUTC());
    }

    LedgerPurge(StoreDatabase database, LedgerSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=60000&period=" + settings.purgeInterval().toMillis())
                .routeId(ROUTE_ID)
                .process(exchange -> purge());
    }

    /** Removed records of one type: how many, and their first and last day. */
    record Removed(long count, LocalDate firstDay, LocalDate lastDay) {
    }

    /** Removes the records of the days before the retention, in one transaction, and returns them by type. */
    Map<String, Removed> purge() throws SQLException {
        LocalDate firstKept = LocalDate.now(clock).minusDays(settings.retentionDays() - 1L);
        Map<String, Removed> removed = database.inTransaction(connection -> {
            Map<String, Removed> byType = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT record_type, COUNT(*), MIN(record_day), MAX(record_day)"
                    + " FROM record_ledger WHERE record_day < ? GROUP BY record_type")) {
                query.setDate(1, Date.valueOf(firstKept));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        byType.put(rs.getString(1), new Removed(rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM record_ledger WHERE record_day < ?")) {
                delete.setDate(1, Date.valueOf(firstKept));
                delete.executeUpdate();
            }
            return byType;
        });
        if (!removed.isEmpty()) {
            LOG.info("Ledger purge removed the records of the days before {} (retention {} days): {}", firstKept,
                    settings.retentionDays(), removed);
        }
        return removed;
    }
}
