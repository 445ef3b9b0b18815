package org.rescuegrid.driver.radio.internal;

import static org.rescuegrid.driver.radio.internal.RecordingListener.waitFor;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.milo.opcua.stack.core.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.driver.radio.internal.GatewayStatus.State;
import org.rescuegrid.simulators.internal.RadioGatewayServer;

/**
 * Prints how many monitored items one gateway connection keeps up with at a 1-second publishing interval.
 * The simulated gateway (Milo, same JVM, 127.0.0.1) changes every radio once a second, and each radio has
 * 8 monitored items, 4 of which change each second. A size is sustained when the driver reports at least
 * 95 % of the expected radio changes over 20 s. Run it on purpose, it asserts nothing:
 * {@code mvn -B -o -pl device-drivers/simulators,device-drivers/radio-opcua verify -Dtest=MonitoredItemCapacityBenchmark
 * -Drescuegrid.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}. The expected rate is one change per radio
 * per second; a reported rate a little above it means some steps arrived split over two publish responses.
 */
@EnabledIfSystemProperty(named = "rescuegrid.benchmark", matches = "true")
class MonitoredItemCapacityBenchmark {

    /** Radio counts to measure, overridden with {@code -Drescuegrid.benchmark.radios=4000,8000}. */
    private static final String DEFAULT_RADIO_COUNTS = "125,250,500,1000,2000";
    private static final long MEASURE_MILLIS = 20_000;

    @TempDir
    Path securityFolder;

    @Test
    void printSustainedItems() throws Exception {
        System.out.println("radios  items  expected/s  reported/s  ratio  sustained");
        for (String radios : System.getProperty("rescuegrid.benchmark.radios", DEFAULT_RADIO_COUNTS).split(",")) {
            measure(Integer.parseInt(radios.strip()));
        }
    }

    private void measure(int radioCount) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < radioCount; i++) {
            ids.add(String.format(Locale.ROOT, "RADIO-B%05d", i));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RadioGatewayServer server = new RadioGatewayServer("127.0.0.1", port, ids, null, null, null);
        server.start();
        AtomicLong changes = new AtomicLong();
        RadioListener counter = new RadioListener() {
            @Override
            public void radioChanged(RadioSnapshot snapshot) {
                changes.incrementAndGet();
            }

            @Override
            public void radioHeard(String radioId) {
            }

            @Override
            public void radioAlert(RadioAlert alert) {
            }

            @Override
            public void radiosUnreachable(Collection<String> radioIds) {
            }
        };
        RadioGatewayConfig config = TestConfigs.gateway("bench", server.endpointUrl()).publishingInterval(1000).build();
        GatewayClient client = new GatewayClient(RadioGatewaySettings.from(config), securityFolder, counter,
                Stack.sharedScheduledExecutor(), Stack.sharedExecutor());
        try {
            client.start();
            waitFor(radioCount + " radios subscribed", () -> client.status().state() == State.ONLINE && changes.get() >= radioCount);
            server.changeEvery(1000, new Random(1));
            Thread.sleep(3000);
            long start = changes.get();
            Thread.sleep(MEASURE_MILLIS);
            double reported = (changes.get() - start) * 1000.0 / MEASURE_MILLIS;
            double ratio = reported / radioCount;
            System.out.printf(Locale.ROOT, "%6d  %5d  %10d  %10.0f  %5.2f  %s%n", radioCount, client.status().monitoredItems(), radioCount,
                    reported, ratio, ratio >= 0.95 ? "yes" : "no");
        } finally {
            client.stop();
            server.stop();
        }
    }
}
