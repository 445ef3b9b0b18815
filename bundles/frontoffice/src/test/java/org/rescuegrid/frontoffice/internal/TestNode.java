package org.rescuegrid.frontoffice.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.ResponseAlert;
import org.rescuegrid.frontoffice.scenario.ScenarioTarget;
import org.rescuegrid.store.schema.Migration;
import org.rescuegrid.store.schema.SchemaMigrator;

/**
 * A front office on a fresh in-memory Derby database with the core schema, the demo's gazetteer and
 * fleet, and a clock the test moves. As a scenario target it checks the response clocks once per
 * second of scenario time, like the node's timer does every few seconds.
 */
final class TestNode implements ScenarioTarget {

    /** The demo's files, so the tests also check that they parse. */
    static final Path ETC = Path.of("../../karaf-distribution/src/main/resources/assembly/etc");

    final MutableClock clock;
    final EmbeddedDataSource dataSource;
    final FrontOffice frontOffice;
    final List<ResponseAlert> alerts = new ArrayList<>();

    TestNode(Instant start) throws SQLException {
        this(start, Map.of());
    }

    TestNode(Instant start, Map<String, Object> overrides) throws SQLException {
        this(start, overrides, ETC);
    }

    TestNode(Instant start, Map<String, Object> overrides, Path etc) throws SQLException {
        clock = new MutableClock(start);
        dataSource = database();
        frontOffice = frontOffice(dataSource, overrides, etc, clock);
    }

    /** Returns a fresh in-memory database with the core schema. */
    static EmbeddedDataSource database() throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:frontoffice-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        new SchemaMigrator("rescuegrid", SchemaMigrator.class.getClassLoader(), List.of(
                new Migration(1, "core", "db/rescuegrid/V001__initial.sql"),
                new Migration(2, "device events", "db/rescuegrid/V002__device_events.sql"),
                new Migration(3, "record ledger", "db/rescuegrid/V008__record_ledger.sql"))).migrate(dataSource);
        return dataSource;
    }

    /** Returns a front office on the demo's files with the given clock, for tests that need another clock than {@link MutableClock}. */
    static FrontOffice frontOffice(EmbeddedDataSource dataSource, Map<String, Object> overrides, Path etc, Clock clock) throws SQLException {
        FrontOfficeSettings settings = FrontOfficeSettings.from(config(overrides), etc);
        Gazetteer gazetteer = Gazetteer.read(settings.gazetteerFile());
        return new FrontOffice(new FrontOfficeDatabase(dataSource), settings, gazetteer, Fleet.read(settings.vehiclesFile(), gazetteer), clock);
    }

    /** Returns a configuration with the defaults of {@link FrontOfficeConfig}, except the given keys. */
    static FrontOfficeConfig config(Map<String, Object> overrides) {
        return (FrontOfficeConfig) Proxy.newProxyInstance(FrontOfficeConfig.class.getClassLoader(), new Class<?>[] {FrontOfficeConfig.class},
                (proxy, method, args) -> overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue());
    }

    @Override
    public FrontOfficeService frontOffice() {
        return frontOffice;
    }

    @Override
    public void advanceTo(Instant time) {
        while (clock.instant().plusSeconds(1).compareTo(time) <= 0) {
            clock.set(clock.instant().plusSeconds(1));
            frontOffice.publishShiftKpis();
            alerts.addAll(frontOffice.checkResponseClocks());
        }
        if (time.isAfter(clock.instant())) {
            clock.set(time);
        }
        alerts.addAll(frontOffice.checkResponseClocks());
    }

    @Override
    public void position(String vehicleId, PositionFix fix) {
        frontOffice.position(vehicleId, fix);
    }

    /** Returns the outbox rows of one record type, oldest first, as JSON text. */
    List<String> outbox(String recordType) throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT record_type, payload FROM outbox ORDER BY seq")) {
            while (rs.next()) {
                if (rs.getString(1).equals(recordType)) {
                    payloads.add(rs.getString(2));
                }
            }
        }
        return payloads;
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant time) {
            now = time;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock runs in UTC");
        }
    }
}
