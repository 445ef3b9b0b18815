package org.rescuegrid.simulators.internal.camera;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rescuegrid.onvif.OnvifConnection;
import org.rescuegrid.onvif.PullMessagesResult;
import org.rescuegrid.onvif.PullPointSubscription;

/**
 * Measures how many simulated cameras one JVM can follow with a pull-point request outstanding each,
 * through one shared HttpClient as the driver's CameraRuntime uses it. It prints figures and
 * asserts nothing about time. Run it with
 * {@code mvn -o -pl device-drivers/simulators verify -Dtest=ManyCamerasPullHarness -Drescuegrid.harness.cameras=500}.
 * Every simulated camera runs one event loop thread of its own; those threads are counted apart
 * from the client's.
 */
@EnabledIfSystemProperty(named = "rescuegrid.harness.cameras", matches = "\\d+")
class ManyCamerasPullHarness {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void pullsOutstanding() throws Exception {
        int count = Integer.getInteger("rescuegrid.harness.cameras");
        List<CameraSimulator> simulators = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            List<OnvifConnection> connections = new ArrayList<>();
            List<PullPointSubscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int port = freePort();
                simulators.add(new CameraSimulator(new CameraSimulatorSettings("CAM-H-" + i, InetAddress.getLoopbackAddress(),
                        port, "admin", "secret", Duration.ZERO, Duration.ZERO, CameraSimulatorSettings.Behaviour.NORMAL, 0, null),
                        Clock.systemUTC()));
                OnvifConnection connection = OnvifConnection.create(
                        URI.create("http://127.0.0.1:" + port + "/onvif/device_service"), "admin", "secret", http, REQUEST_TIMEOUT);
                connection.device().synchronizeClock();
                connection.device().loadServiceAddresses();
                subscriptions.add(connection.events().createPullPointSubscription(Duration.ofMinutes(5)));
                connections.add(connection);
            }
            System.gc();
            int threadsBefore = clientThreads();
            long heapBefore = usedHeap();

            long started = System.nanoTime();
            List<CompletableFuture<PullMessagesResult>> pulls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pulls.add(connections.get(i).events().pullMessagesAsync(subscriptions.get(i), PULL_TIMEOUT, 10));
            }
            long issuedMillis = (System.nanoTime() - started) / 1_000_000;
            waitUntilSubscriptionsWait(simulators, Duration.ofSeconds(20));
            long outstanding = pulls.stream().filter(pull -> !pull.isDone()).count();
            System.gc();
            int threadsWaiting = clientThreads();
            long heapWaiting = usedHeap();

            long emitted = System.nanoTime();
            simulators.forEach(simulator -> simulator.camera().emitMotion());
            CompletableFuture.allOf(pulls.toArray(new CompletableFuture<?>[0])).get();
            long deliveredMillis = (System.nanoTime() - emitted) / 1_000_000;
            long withMessage = pulls.stream().filter(pull -> !pull.join().messages().isEmpty()).count();
            int threadsAfter = clientThreads();

            System.out.printf("cameras=%d pulls_outstanding=%d issue_ms=%d%n", count, outstanding, issuedMillis);
            System.out.printf("client_threads before=%d while_waiting=%d after_delivery=%d (simulator threads excluded)%n",
                    threadsBefore, threadsWaiting, threadsAfter);
            System.out.printf("heap_used_mb before=%.1f while_waiting=%.1f (simulators included)%n",
                    heapBefore / 1e6, heapWaiting / 1e6);
            System.out.printf("motion_to_all_pulls_returned_ms=%d pulls_with_message=%d%n", deliveredMillis, withMessage);
        } finally {
            simulators.forEach(CameraSimulator::deactivate);
        }
    }

    /** Waits until every simulated camera has a PullMessages request waiting for events. */
    private static void waitUntilSubscriptionsWait(List<CameraSimulator> simulators, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && simulators.stream().anyMatch(simulator -> simulator.camera().waitingPulls() == 0)) {
            Thread.sleep(50);
        }
    }

    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.getName().startsWith("rescuegrid-camera-sim-")).count();
    }

    private static long usedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
