package org.rescuegrid.simulators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates GPS trackers for demos and tests: each configured vehicle opens a TCP connection to
 * the NMEA driver, sends a registration line with its device id, then replays a log recorded from
 * a real receiver at the recorded pace (scaled by {@code speedup}).
 *
 * <p>Activation only checks the configuration and loads the logs. Connections are opened by tasks
 * on one executor that the component owns, so a driver that is not listening yet does not delay
 * the framework.
 */
@Component(immediate = true, configurationPid = ReplaySettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NmeaReplayConfig.class)
public class NmeaReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(NmeaReplayer.class);

    static final String THREAD_NAME_PREFIX = "rescuegrid-nmea-replay-";
    /**
     * Upper bound of pool threads. A step only writes one epoch or opens one connection, so a few
     * threads serve many vehicles. A connect to an unreachable host keeps a thread busy for up to 5 s.
     */
    private static final int MAX_THREADS = 4;
    private static final long STOP_TIMEOUT_MILLIS = 1_000;

    private final List<VehicleReplay> replays = new ArrayList<>();
    private ScheduledThreadPoolExecutor executor;

    @Activate
    void activate(BundleContext bundleContext, NmeaReplayConfig config) {
        start(config, LogCatalog.fromBundle(bundleContext.getBundle()));
    }

    /** Starts the replay. Tests call this directly with a catalog of the fixture folder. */
    void start(NmeaReplayConfig config, LogCatalog logs) {
        if (!config.enabled()) {
            LOG.info("NMEA replay is disabled (enabled=false in {}); no vehicle connects", ReplaySettings.PID);
            return;
        }
        ReplaySettings settings = ReplaySettings.from(config, logs);

        executor = new ScheduledThreadPoolExecutor(Math.min(settings.vehicles.size(), MAX_THREADS), daemonThreads());
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        for (ReplaySettings.Vehicle vehicle : settings.vehicles) {
            VehicleReplay replay = new VehicleReplay(vehicle, settings, executor);
            replays.add(replay);
            replay.start();
        }
        LOG.info("NMEA replay started: vehicles {} to {}:{} (GT06 trackers to port {}, Teltonika trackers to port {}, OsmAnd phones"
                + " to port {} path {}), speedup {}, loop {}, relocated {}", settings.deviceIds(), settings.host, settings.port,
                settings.gt06Port, settings.teltonikaPort, settings.osmandPort, settings.osmandPath, settings.speedup, settings.loop,
                settings.relocatedDeviceIds());
    }

    /** Stops every vehicle, closes their connections and waits up to 1 s for running steps to end. */
    @Deactivate
    void deactivate() {
        if (executor == null) {
            return;
        }
        for (VehicleReplay replay : replays) {
            replay.stop();
        }
        replays.clear();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("NMEA replay threads did not end within {} ms after their sockets were closed",
                        STOP_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        LOG.info("NMEA replay stopped");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
            // Daemon threads cannot keep a JVM alive if the framework stops without deactivating.
            thread.setDaemon(true);
            return thread;
        };
    }
}
