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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office on a node: loads the procedures and registers the route that rescans their directory
 * every {@code evaluationSeconds}.
 */
@Component(service = BackOffice.class, configurationPid = BackOfficeSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BackOfficeConfig.class)
public class BackOfficeComponent implements BackOffice {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeComponent.class);
    static final String ROUTE_ID = "rescuegrid-backoffice-evaluation";

    private final SopLibrary procedures;
    private final ServiceRegistration<RoutesBuilder> routes;

    @Activate
    public BackOfficeComponent(@Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource, @Reference AuditLog audit,
            BackOfficeConfig config, BundleContext bundleContext) throws SQLException {
        String etc = System.getProperty("karaf.etc");
        BackOfficeSettings settings = BackOfficeSettings.from(config, etc == null ? null : Path.of(etc));
        BackOfficeDatabase database = new BackOfficeDatabase(dataSource);
        Clock clock = Clock.systemUTC();
        this.procedures = new SopLibrary(database, settings.sopDirectory(), audit, clock);
        procedures.scan();
        this.routes = bundleContext.registerService(RoutesBuilder.class, new Routes(settings), null);
        LOG.info("Back office started: {} procedure versions from {}", procedures.versions().size(), settings.sopDirectory());
    }

    @Deactivate
    void deactivate() {
        routes.unregister();
        LOG.info("Back office stopped");
    }

    @Override
    public SopLibrary procedures() {
        return procedures;
    }

    // TODO: REST API for compliance, roster, procedures, readiness and the audit trail, with the front office's JAAS roles
    // (admins change procedures and rosters). Not built yet; the files and console commands are the way in.
    private final class Routes extends RouteBuilder {

        private final BackOfficeSettings settings;

        Routes(BackOfficeSettings settings) {
            this.settings = settings;
        }

        @Override
        public void configure() {
            from("timer:rescuegrid-backoffice?period=" + settings.evaluationPeriod().toMillis())
                    .routeId(ROUTE_ID)
                    .process(exchange -> procedures.scan());
        }
    }
}
