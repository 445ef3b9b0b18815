package org.rescuegrid.backoffice.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.VehicleReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office on a node. At start it loads the procedures, the roster and the vehicles' latest
 * readiness checks, and registers the readiness as the front office's {@link VehicleReadiness}. A route
 * then, every {@code evaluationSeconds}, rescans the procedure directory and the roster files and
 * evaluates the front office's open and newly closed incidents.
 */
@Component(service = BackOffice.class, configurationPid = BackOfficeSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BackOfficeConfig.class)
public class BackOfficeComponent implements BackOffice {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeComponent.class);
    static final String ROUTE_ID = "rescuegrid-backoffice-evaluation";

    private final FrontOfficeService frontOffice;
    private final DriverBehaviourService driverBehaviour;
    private final SopLibrary procedures;
    private final RosterFiles roster;
    private final Readiness readiness;
    private final Compliance compliance;
    private final ServiceRegistration<VehicleReadiness> readinessRegistration;
    private final ServiceRegistration<RoutesBuilder> routes;
    private int failures;

    @Activate
    public BackOfficeComponent(@Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource, @Reference AuditLog audit,
            @Reference FrontOfficeService frontOffice, @Reference DriverBehaviourService driverBehaviour, BackOfficeConfig config,
            BundleContext bundleContext) throws SQLException {
        String etc = System.getProperty("karaf.etc");
        BackOfficeSettings settings = BackOfficeSettings.from(config, etc == null ? null : Path.of(etc));
        BackOfficeDatabase database = new BackOfficeDatabase(dataSource);
        Clock clock = Clock.systemUTC();
        this.frontOffice = frontOffice;
        this.driverBehaviour = driverBehaviour;
        this.procedures = new SopLibrary(database, settings.sopDirectory(), audit, clock);
        procedures.scan();
        this.roster = new RosterFiles(settings.staffFile(), settings.shiftsFile(), settings.rotaFile(), audit, database, clock);
        roster.reload();
        this.readiness = new Readiness(database, settings.readinessItems(), audit, clock);
        this.compliance = new Compliance(database, procedures, frontOffice, roster, roster::at, audit, clock);
        this.readinessRegistration = bundleContext.registerService(VehicleReadiness.class, readiness, null);
        this.routes = bundleContext.registerService(RoutesBuilder.class, new Routes(settings), null);
        LOG.info("Back office started: {} procedure versions, {} staff, {} vehicles out of service", procedures.versions().size(),
                roster.get().staff().size(), readiness.latest().stream().filter(c -> !c.passed()).count());
    }

    @Deactivate
    void deactivate() {
        routes.unregister();
        readinessRegistration.unregister();
        LOG.info("Back office stopped");
    }

    @Override
    public SopLibrary procedures() {
        return procedures;
    }

    @Override
    public RosterFiles roster() {
        return roster;
    }

    @Override
    public Compliance compliance() {
        return compliance;
    }

    @Override
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public FrontOfficeService frontOffice() {
        return frontOffice;
    }

    @Override
    public DriverBehaviourService driverBehaviour() {
        return driverBehaviour;
    }

    /** Rescans the files and evaluates the incidents; a failure is logged and the next run tries again. */
    private void evaluate() {
        try {
            procedures.scan();
            roster.reload();
            compliance.evaluateAll();
        } catch (IllegalStateException | IllegalArgumentException e) {
            failures++;
            if (failures == 1 || failures % 100 == 0) {
                LOG.warn("Compliance evaluation failed ({} times in a row so far), next try in the next run: {}", failures, e.getMessage());
            }
            return;
        }
        failures = 0;
    }

    private final class Routes extends RouteBuilder {

        private final BackOfficeSettings settings;

        Routes(BackOfficeSettings settings) {
            this.settings = settings;
        }

        @Override
        public void configure() {
            from("timer:rescuegrid-backoffice?period=" + settings.evaluationPeriod().toMillis())
                    .routeId(ROUTE_ID)
                    .process(exchange -> evaluate());
        }
    }
}
