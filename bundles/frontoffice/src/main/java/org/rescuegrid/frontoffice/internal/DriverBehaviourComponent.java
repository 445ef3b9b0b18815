package org.rescuegrid.frontoffice.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.event.StoredDeviceEvent;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.DriverScore;
import org.rescuegrid.frontoffice.FrontOfficeEndpoints;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver behaviour as an OSGi service: feeds stored positions and device events to the driving rules and
 * sends the events they give on {@link FrontOfficeEndpoints#DRIVER_EVENT}.
 */
@Component(service = DriverBehaviourService.class, configurationPid = DrivingSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DrivingConfig.class)
public class DriverBehaviourComponent implements DriverBehaviourService {

    private static final Logger LOG = LoggerFactory.getLogger(DriverBehaviourComponent.class);
    static final String POSITION_ROUTE_ID = "rescuegrid-frontoffice-driving-positions";
    static final String EVENT_ROUTE_ID = "rescuegrid-frontoffice-driving-device-events";

    private final DriverBehaviour behaviour;
    private final ServiceRegistration<RoutesBuilder> routes;

    @Activate
    public DriverBehaviourComponent(@Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource,
            @Reference FrontOfficeService frontOffice, DrivingConfig config, BundleContext bundleContext) throws SQLException {
        DrivingSettings settings = DrivingSettings.from(config);
        this.behaviour = new DriverBehaviour(dataSource, settings, frontOffice, Clock.systemUTC());
        this.routes = bundleContext.registerService(RoutesBuilder.class, new Routes(), null);
        LOG.info("Driver behaviour started: limits {} km/h, {} km/h without a patient, {} drivers assigned", settings.speedLimits(),
                settings.noPatientLimitKmh(), behaviour.assignments().size());
    }

    @Deactivate
    void deactivate() {
        routes.unregister();
        LOG.info("Driver behaviour stopped");
    }

    private final class Routes extends RouteBuilder {

        @Override
        public void configure() {
            from(BusEndpoints.POSITION_STORED)
                    .routeId(POSITION_ROUTE_ID)
                    .process(exchange -> {
                        StoredPosition stored = exchange.getMessage().getMandatoryBody(StoredPosition.class);
                        exchange.getMessage().setBody(behaviour.position(stored.vehicleId(), stored.fix()));
                    })
                    .split(body())
                    .to(FrontOfficeEndpoints.DRIVER_EVENT);

            from(BusEndpoints.DEVICE_EVENT_STORED)
                    .routeId(EVENT_ROUTE_ID)
                    .process(exchange -> {
                        StoredDeviceEvent stored = exchange.getMessage().getMandatoryBody(StoredDeviceEvent.class);
                        exchange.getMessage().setBody(behaviour.deviceEvent(stored.vehicleId(), stored.event()));
                    })
                    .split(body())
                    .to(FrontOfficeEndpoints.DRIVER_EVENT);
        }
    }

    @Override
    public void assign(String vehicleId, String driverId, String user) {
        behaviour.assign(vehicleId, driverId, user);
    }

    @Override
    public Map<String, String> assignments() {
        return behaviour.assignments();
    }

    @Override
    public List<DriverEvent> events(Instant from, Instant to) {
        return behaviour.events(from, to);
    }

    @Override
    public List<DriverScore> scores(LocalDate day, String shift) {
        return behaviour.scores(day, shift);
    }
}
