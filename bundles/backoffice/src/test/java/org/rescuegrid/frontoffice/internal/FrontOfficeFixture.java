package org.rescuegrid.frontoffice.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.ResponseAlert;
import org.rescuegrid.frontoffice.VehicleReadiness;
import org.rescuegrid.frontoffice.scenario.ScenarioTarget;

/**
 * A real front office for the back office's tests, on the given database with the demo's gazetteer and
 * fleet and a clock the test moves. It lives in the front office's internal package (on the test class
 * path only) because the front office is built without OSGi here, as its own tests build it.
 */
public final class FrontOfficeFixture implements ScenarioTarget {

    /** The demo's etc directory. */
    public static final Path ETC = Path.of("../../karaf-distribution/src/main/resources/assembly/etc");

    private final TestClock clock;
    private final FrontOffice frontOffice;
    private final List<ResponseAlert> alerts = new ArrayList<>();

    public FrontOfficeFixture(DataSource dataSource, Instant start) throws SQLException {
        clock = new TestClock(start);
        FrontOfficeConfig defaults = (FrontOfficeConfig) Proxy.newProxyInstance(FrontOfficeConfig.class.getClassLoader(),
                new Class<?>[] {FrontOfficeConfig.class}, (proxy, method, args) -> method.getDefaultValue());
        FrontOfficeSettings settings = FrontOfficeSettings.from(defaults, ETC);
        Gazetteer gazetteer = Gazetteer.read(settings.gazetteerFile());
        frontOffice = new FrontOffice(new FrontOfficeDatabase(dataSource), settings, gazetteer, Fleet.read(settings.vehiclesFile(), gazetteer), clock);
    }

    public Clock clock() {
        return clock;
    }

    /** Sets the readiness service of the front office, as its OSGi component does when the back office registers one. */
    public void readiness(VehicleReadiness readiness) {
        frontOffice.readiness(readiness);
    }

    @Override
    public FrontOfficeService frontOffice() {
        return frontOffice;
    }

    @Override
    public void advanceTo(Instant time) {
        while (clock.instant().plusSeconds(1).compareTo(time) <= 0) {
            clock.now = clock.now.plusSeconds(1);
            alerts.addAll(frontOffice.checkResponseClocks());
        }
        if (time.isAfter(clock.instant())) {
            clock.now = time;
        }
        alerts.addAll(frontOffice.checkResponseClocks());
    }

    @Override
    public void position(String vehicleId, PositionFix fix) {
        frontOffice.position(vehicleId, fix);
    }

    private static final class TestClock extends Clock {

        private Instant now;

        TestClock(Instant now) {
            this.now = now;
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
