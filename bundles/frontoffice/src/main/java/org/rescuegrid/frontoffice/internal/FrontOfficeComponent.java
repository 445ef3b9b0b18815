package org.rescuegrid.frontoffice.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.position.PositionStore;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.api.radio.RadioMessenger;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.CallCheck;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.FrontOfficeEndpoints;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentOutcome;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.KpiCalendar;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;
import org.rescuegrid.frontoffice.Vehicle;
import org.rescuegrid.frontoffice.VehicleReadiness;
import org.rescuegrid.frontoffice.scenario.SimulatedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front office as an OSGi service. It reads its configuration, gazetteer and fleet at activation,
 * loads the open incidents, and registers the routes that feed it stored positions and tick its
 * response clocks. A changed configuration or file takes effect when the component is reactivated
 * ({@code config:edit} or a bundle restart).
 */
@Component(service = FrontOfficeService.class, configurationPid = FrontOfficeSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FrontOfficeConfig.class)
public class FrontOfficeComponent implements FrontOfficeService {

    private static final Logger LOG = LoggerFactory.getLogger(FrontOfficeComponent.class);
    static final String POSITION_ROUTE_ID = "rescuegrid-frontoffice-positions";
    static final String CLOCK_ROUTE_ID = "rescuegrid-frontoffice-response-clock";

    private final FrontOffice frontOffice;
    private final ScenarioClock clock;

    // Optional: a node without radio gateways dispatches by voice only.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RadioMessenger radioMessenger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry deviceRegistry;
    private final ServiceRegistration<RoutesBuilder> routes;
    private final ServiceRegistration<SimulatedTime> simulatedTime;
    private volatile VehicleReadiness readiness;

    @Activate
    public FrontOfficeComponent(@Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource, @Reference PositionStore positions,
            FrontOfficeConfig config, BundleContext bundleContext) throws SQLException {
        String etc = System.getProperty("karaf.etc");
        FrontOfficeSettings settings = FrontOfficeSettings.from(config, etc == null ? null : Path.of(etc));
        Gazetteer gazetteer = Gazetteer.read(settings.gazetteerFile());
        Fleet fleet = Fleet.read(settings.vehiclesFile(), gazetteer);
        this.clock = new ScenarioClock();
        this.frontOffice = new FrontOffice(new FrontOfficeDatabase(dataSource), settings, gazetteer, fleet, clock);
        // Positions stored before this start, so that recommendations do not wait for each vehicle's next fix.
        for (Fleet.Member member : fleet.all()) {
            positions.latest(member.vehicleId()).ifPresent(stored -> frontOffice.position(member.vehicleId(), stored.fix()));
        }
        this.routes = bundleContext.registerService(RoutesBuilder.class, new Routes(settings), null);
        this.simulatedTime = config.simulatedTimeAllowed() ? bundleContext.registerService(SimulatedTime.class, clock, null) : null;
        if (simulatedTime != null) {
            LOG.warn("Front office clock may be set by scenario players (simulatedTimeAllowed=true); use this on demo and test nodes only");
        }
        LOG.info("Front office started: {} vehicles, {} places, {} open incidents", fleet.all().size(),
                gazetteer.names().size(), frontOffice.openIncidents().size());
    }

    /** Out-of-service vehicles are left out of recommendations and cannot be dispatched (see the back office's readiness checks). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setReadiness(VehicleReadiness readiness) {
        this.readiness = readiness;
        frontOffice.readiness(readiness);
    }

    void unsetReadiness(VehicleReadiness readiness) {
        if (this.readiness == readiness) {
            this.readiness = null;
            frontOffice.readiness(null);
        }
    }

    @Deactivate
    void deactivate() {
        if (simulatedTime != null) {
            simulatedTime.unregister();
        }
        routes.unregister();
        LOG.info("Front office stopped");
    }

    /** Feeds stored positions to the front office, ticks its response clocks and sends the alerts they raise. */
    private final class Routes extends RouteBuilder {

        private final FrontOfficeSettings settings;

        Routes(FrontOfficeSettings settings) {
            this.settings = settings;
        }

        @Override
        public void configure() {
            from(BusEndpoints.POSITION_STORED)
                    .routeId(POSITION_ROUTE_ID)
                    .process(exchange -> {
                        StoredPosition stored = exchange.getMessage().getMandatoryBody(StoredPosition.class);
                        // A flagged fix (from the future, an impossible jump, buffered history, no fix) must not
                        // detect an arrival or add distance.
                        if (stored.validity().usable()) {
                            // A playing scenario's fixes arrive on this thread, and their arrivals follow its time.
                            clock.followScenario(() -> {
                                frontOffice.position(stored.vehicleId(), stored.fix());
                                return null;
                            });
                        }
                    });

            from("timer:rescuegrid-frontoffice-clock?period=" + settings.clockCheck().toMillis())
                    .routeId(CLOCK_ROUTE_ID)
                    .process(exchange -> {
                        frontOffice.publishShiftKpis();
                        exchange.getMessage().setBody(frontOffice.checkResponseClocks());
                    })
                    .split(body())
                    .to(FrontOfficeEndpoints.RESPONSE_ALERT);
        }
    }

    @Override
    public CallCheck check(NewCall call) {
        return frontOffice.check(call);
    }

    @Override
    public CallRecord receiveCall(NewCall call) {
        return frontOffice.receiveCall(call);
    }

    @Override
    public CallRecord reclassify(String callId, Disposition disposition, String supervisor) {
        return frontOffice.reclassify(callId, disposition, supervisor);
    }

    @Override
    public Optional<Incident> incident(String incidentId) {
        return frontOffice.incident(incidentId);
    }

    @Override
    public List<Incident> openIncidents() {
        return frontOffice.openIncidents();
    }

    @Override
    public Optional<CallRecord> call(String callId) {
        return frontOffice.call(callId);
    }

    @Override
    public List<CallRecord> calls(String incidentId) {
        return frontOffice.calls(incidentId);
    }

    @Override
    public List<Recommendation> recommend(String incidentId) {
        return frontOffice.recommend(incidentId);
    }

    /** Dispatches the vehicle and then sends the dispatch to its radio, outside the front office's lock. */
    @Override
    public Incident dispatch(String incidentId, String vehicleId, String operator) {
        Incident updated = frontOffice.dispatch(incidentId, vehicleId, operator);
        DispatchRadio.send(updated, vehicleId, deviceRegistry, radioMessenger);
        return updated;
    }

    @Override
    public Incident recordStep(String incidentId, String vehicleId, Step step, Instant at, StepSource source, String user) {
        if (source == StepSource.OPERATOR) {
            return frontOffice.recordStep(incidentId, vehicleId, step, at, source, user);
        }
        // A radio's status is a device report like a fix, so a playing scenario's time applies to it too.
        return clock.followScenario(() -> frontOffice.recordStep(incidentId, vehicleId, step, at, source, user));
    }

    @Override
    public Incident close(String incidentId, String supervisor) {
        return frontOffice.close(incidentId, supervisor);
    }

    @Override
    public Incident close(String incidentId, IncidentOutcome outcome, String supervisor) {
        return frontOffice.close(incidentId, outcome, supervisor);
    }

    @Override
    public Optional<IncidentOutcome> outcome(String incidentId) {
        return frontOffice.outcome(incidentId);
    }

    @Override
    public Assistance addAssistance(String incidentId, Assistance assistance, String user) {
        return frontOffice.addAssistance(incidentId, assistance, user);
    }

    @Override
    public List<Assistance> assistance(String incidentId) {
        return frontOffice.assistance(incidentId);
    }

    @Override
    public Kpi kpi(Instant from, Instant to) {
        return frontOffice.kpi(from, to);
    }

    @Override
    public Kpi kpi(Instant from, Instant to, String district, String shift) {
        return frontOffice.kpi(from, to, district, shift);
    }

    @Override
    public KpiCalendar kpiCalendar() {
        return frontOffice.kpiCalendar();
    }

    @Override
    public List<Vehicle> vehicles() {
        return frontOffice.vehicles();
    }

    @Override
    public List<String> landmarks() {
        return frontOffice.landmarks();
    }
}
