package org.rescuegrid.frontoffice.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.scenario.BusTarget;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioResult;
import org.rescuegrid.frontoffice.scenario.SimulatedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the demo scenario into the node once, from a one-shot timer route, so the console shows calls,
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

    private final ServiceRegistration<RoutesBuilder> routes;
    private final FrontOfficeService frontOffice;
    private final DeviceRegistry devices;
    private final CamelContext camel;
    private final BundleContext bundleContext;
    private volatile BusTarget target;

    @Activate
    public DemoScenarioComponent(@Reference FrontOfficeService frontOffice, @Reference DeviceRegistry devices, @Reference CamelContext camel,
            DemoScenarioConfig config, BundleContext bundleContext) {
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
        // Looked up only now: the front office registers SimulatedTime while it activates, and a reference
        // to it next to the one to FrontOfficeService would make this component activate in the middle of that.
        ServiceReference<SimulatedTime> timeReference = bundleContext.getServiceReference(SimulatedTime.class);
        SimulatedTime time = timeReference == null ? null : bundleContext.getService(timeReference);
        if (time == null) {
            LOG.warn("Demo scenario {} not played: the front office does not allow simulated time; set simulatedTimeAllowed=true in {}",
                    template.name(), FrontOfficeSettings.PID);
            return;
        }
        target = new BusTarget(frontOffice, time, devices, camel);
        Duration length = template.length();
        Instant start = Instant.now().minus(length).plusMillis((long) (length.toMillis() / speedup));
        Scenario scenario = template.withStart(start);
        LOG.info("Demo scenario {} started at scenario time {}", scenario.name(), start);
        try (BusTarget running = target) {
            ScenarioResult result = new ScenarioPlayer(running, speedup).play(scenario);
            if (result.passed()) {
                LOG.info("Demo scenario {} finished: {} incidents, every expectation met", scenario.name(), result.incidents().values().stream().distinct().count());
            } else {
                LOG.warn("Demo scenario {} finished with {} mismatches, first: {}", scenario.name(), result.mismatches().size(),
                        result.mismatches().get(0));
            }
        } finally {
            bundleContext.ungetService(timeReference);
        }
    }

    @Deactivate
    void deactivate() {
        BusTarget running = target;
        if (running != null) {
            running.stop();
        }
        if (routes != null) {
            routes.unregister();
        }
    }
}
