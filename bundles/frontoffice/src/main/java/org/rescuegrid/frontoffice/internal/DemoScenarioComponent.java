package org.rescuegrid.frontoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;
import org.rescuegrid.frontoffice.scenario.BusTarget;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioResult;
import org.rescuegrid.frontoffice.scenario.SimulatedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the demo scenario into the node once per data directory, from a one-shot timer route, so the console shows calls,
 * dispatches, arrivals and KPIs filling in. The scenario is moved into the past so that, played at the
 * speed-up, it ends at about the wall-clock time. So the front office's clock never runs ahead of the wall
 * clock, and returning to the wall clock afterwards moves time forward.
 */
@Component(configurationPid = DemoScenarioComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoScenarioConfig.class)
public class DemoScenarioComponent {

    static final String PID = "org.rescuegrid.frontoffice.demo";
    static final String ROUTE_ID = "rescuegrid-frontoffice-demo-scenario";
    private static final Logger LOG = LoggerFactory.getLogger(DemoScenarioComponent.class);
    // User name recorded on the steps and closings of the scenario's own cleanup.
    private static final String OPERATOR = "demo-scenario";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final ServiceRegistration<RoutesBuilder> routes;
    private final FrontOfficeService frontOffice;
    private final DeviceRegistry devices;
    private final CamelContext camel;
    private final BundleContext bundleContext;
    private final DemoRuns runs;
    private final CountDownLatch played = new CountDownLatch(1);
    private volatile BusTarget target;

    @Activate
    public DemoScenarioComponent(@Reference FrontOfficeService frontOffice, @Reference DeviceRegistry devices, @Reference CamelContext camel,
            @Reference(target = "(dataSourceName=rescuegrid)") DataSource dataSource, DemoScenarioConfig config, BundleContext bundleContext)
            throws SQLException {
        this.frontOffice = frontOffice;
        this.devices = devices;
        this.camel = camel;
        this.bundleContext = bundleContext;
        if (!(config.speedup() >= 1 && config.speedup() <= 3600)) {
            throw new IllegalArgumentException(PID + ": speedup='" + config.speedup() + "' is invalid; set a number from 1 to 3600");
        }
        if (config.startDelaySeconds() < 0 || config.startDelaySeconds() > 3600) {
            throw new IllegalArgumentException(PID + ": startDelaySeconds='" + config.startDelaySeconds() + "' is invalid; set 0 to 3600");
        }
        if (!config.enabled()) {
            this.runs = null;
            this.routes = null;
            return;
        }
        String etc = System.getProperty("karaf.etc");
        Path file = Path.of(config.scenarioFile());
        Path resolved = file.isAbsolute() || etc == null ? file : Path.of(etc).resolve(file);
        Scenario scenario;
        try {
            scenario = Scenario.parse(resolved.getFileName().toString(), Files.readString(resolved, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(PID + ": scenarioFile='" + config.scenarioFile() + "' could not be read: " + e.getMessage(), e);
        }
        this.runs = new DemoRuns(dataSource);
        this.routes = bundleContext.registerService(RoutesBuilder.class, new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:" + ROUTE_ID + "?repeatCount=1&delay=" + Math.max(1, config.startDelaySeconds() * 1000L))
                        .routeId(ROUTE_ID)
                        .process(exchange -> play(scenario, config.speedup()));
            }
        }, null);
        LOG.info("Demo scenario {} will play in {} s at {}x: {} events over {}", resolved, config.startDelaySeconds(), config.speedup(),
                scenario.events().size(), scenario.length());
    }

    private void play(Scenario template, double speedup) throws Exception {
        Optional<DemoRuns.Run> previous = runs.find(template.name());
        if (previous.isPresent()) {
            DemoRuns.Run run = previous.get();
            LOG.info("Demo scenario {} not played: it was played on this node at {} ({}); it plays once per data directory, so start a node"
                    + " with an empty data folder to see it again", template.name(), run.startedAt(),
                    run.outcome() == null ? "the node stopped during it" : run.outcome());
            return;
        }
        // Looked up only now: the front office registers SimulatedTime while it activates, and a reference
        // to it next to the one to FrontOfficeService would make this component activate in the middle of that.
        ServiceReference<SimulatedTime> timeReference = bundleContext.getServiceReference(SimulatedTime.class);
        SimulatedTime time = timeReference == null ? null : bundleContext.getService(timeReference);
        if (time == null) {
            LOG.warn("Demo scenario {} not played: the front office does not allow simulated time; set simulatedTimeAllowed=true in {}",
                    template.name(), FrontOfficeSettings.PID);
            return;
        }
        if (!runs.start(template.name(), Instant.now())) {
            LOG.info("Demo scenario {} not played: another start of it was recorded first", template.name());
            bundleContext.ungetService(timeReference);
            return;
        }
        target = new BusTarget(frontOffice, time, devices, camel);
        Duration length = template.length();
        Instant start = Instant.now().minus(length).plusMillis((long) (length.toMillis() / speedup));
        Scenario scenario = template.withStart(start);
        LOG.info("Demo scenario {} started at scenario time {}", scenario.name(), start);
        String outcome;
        try (BusTarget running = target) {
            ScenarioPlayer player = new ScenarioPlayer(running, speedup);
            outcome = playUntilStopped(scenario, player, running);
        } finally {
            bundleContext.ungetService(timeReference);
            played.countDown();
        }
        runs.finish(scenario.name(), Instant.now(), outcome);
    }

    /** Plays the scenario and returns its outcome. A stop closes the incidents it left open and does not fail the route. */
    private String playUntilStopped(Scenario scenario, ScenarioPlayer player, BusTarget running) {
        ScenarioResult result = null;
        try {
            result = player.play(scenario);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.stop();
        } catch (IllegalStateException e) {
            if (!running.stopped()) {
                throw e;
            }
        }
        if (running.stopped()) {
            int closed = closeOpenIncidents(frontOffice, player.incidents().values());
            LOG.info("Demo scenario {} stopped because the front office or the demo stopped; {} incidents it left open were closed", scenario.name(),
                    closed);
            return "stopped, " + closed + " open incidents closed";
        }
        if (result.passed()) {
            long incidents = result.incidents().values().stream().distinct().count();
            LOG.info("Demo scenario {} finished: {} incidents, every expectation met", scenario.name(), incidents);
            return "finished, every expectation met";
        }
        LOG.warn("Demo scenario {} finished with {} mismatches, first: {}", scenario.name(), result.mismatches().size(), result.mismatches().get(0));
        return "finished with " + result.mismatches().size() + " mismatches";
    }

    /**
     * Returns the scenario's open incidents' vehicles to service and closes the incidents, on the player's thread so
     * their times follow the scenario clock. Returns how many incidents it closed.
     */
    static int closeOpenIncidents(FrontOfficeService frontOffice, Collection<String> incidentIds) {
        int closed = 0;
        for (String incidentId : new LinkedHashSet<>(incidentIds)) {
            try {
                Optional<Incident> incident = frontOffice.incident(incidentId);
                if (incident.isEmpty() || !incident.get().open()) {
                    continue;
                }
                for (Assignment vehicle : incident.get().vehicles()) {
                    if (!vehicle.active()) {
                        continue;
                    }
                    if (vehicle.currentStep() == Step.ON_SCENE) {
                        frontOffice.recordStep(incidentId, vehicle.vehicleId(), Step.LEFT_SCENE, null, StepSource.OPERATOR, OPERATOR);
                    }
                    frontOffice.recordStep(incidentId, vehicle.vehicleId(), Step.BACK_IN_SERVICE, null, StepSource.OPERATOR, OPERATOR);
                }
                frontOffice.close(incidentId, OPERATOR);
                closed++;
            } catch (RuntimeException e) {
                LOG.warn("incident={} left open by the stopped demo scenario could not be closed: {}; close it with rescue:incident-close",
                        incidentId, e.getMessage());
            }
        }
        return closed;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        BusTarget running = target;
        if (running != null) {
            running.stop();
            // Waits while the player closes its open incidents, because the front office may stop right after this component.
            if (!played.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Demo scenario did not stop within {} s; its open incidents may stay open", STOP_WAIT.toSeconds());
            }
        }
        if (routes != null) {
            routes.unregister();
        }
    }
}
