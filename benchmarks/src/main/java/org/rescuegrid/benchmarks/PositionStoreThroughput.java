package org.rescuegrid.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.store.internal.DerbyPositionStore;
import org.rescuegrid.store.internal.StoreDatabase;

/**
 * Drives the node's position store alone, with no network or decoder in front, to find the rate Derby
 * commits fixes at on this machine. It opens a Derby database on disk, so every commit waits for the log
 * to reach the disk as on a node. It submits fixes of many devices as fast as the store accepts them,
 * with at most a fixed number waiting for their commit. Every five seconds it prints
 * fixes committed per second and the submit-to-commit latency; at the end the totals and the CPU time the
 * process spent per committed fix, a figure that other load on the machine changes less than the rate.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.rescuegrid.benchmarks.PositionStoreThroughput \
 *     [DEVICES] [SECONDS] [IN_FLIGHT] [DIRECTORY]
 * </pre>
 * Defaults: 5,000 devices, 60 s, 20,000 fixes in flight, a new directory under /tmp.
 */
public final class PositionStoreThroughput {

    private PositionStoreThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path directory = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("rescuegrid-store-bench");
        System.setProperty("derby.stream.error.file", directory.resolve("derby.log").toString());

        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        DerbyPositionStore store = new DerbyPositionStore(new StoreDatabase(dataSource));
        System.out.printf(Locale.ROOT, "position store on %s: %d devices, %d s, at most %d fixes waiting%n",
                directory, devices, seconds, inFlight);

        Semaphore window = new Semaphore(inFlight);
        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        LatencyHistogram interval = new LatencyHistogram();
        LatencyHistogram total = new LatencyHistogram();

        // Each device moves along its own line one step per fix, one second apart, so no fix is a jump or a resend.
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(seconds * 20L, ChronoUnit.SECONDS);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBegin = os.getProcessCpuTime();
        long begin = System.nanoTime();
        long end = begin + TimeUnit.SECONDS.toNanos(seconds);
        long nextReport = begin + TimeUnit.SECONDS.toNanos(5);
        long lastCommitted = 0;
        long sent = 0;
        while (System.nanoTime() < end) {
            window.acquire();
            int device = (int) (sent % devices);
            long step = sent / devices;
            PositionFix fix = new PositionFix("35" + String.format(Locale.ROOT, "%013d", device), start.plusSeconds(step),
                    31.0 + device * 0.0001 + step * 0.00001, 74.0 + device * 0.0001, 210.0, 40.0, 90.0, 9, 0.9, true);
            long submitted = System.nanoTime();
            store.submit(fix).whenComplete((stored, failure) -> {
                if (failure == null) {
                    committed.incrementAndGet();
                    interval.record(System.nanoTime() - submitted);
                } else {
                    failed.incrementAndGet();
                }
                window.release();
            });
            sent++;

            long now = System.nanoTime();
            if (now >= nextReport) {
                long done = committed.get();
                System.out.printf(Locale.ROOT, "%5.0f s  %,8.0f fixes/s  p50 %.1f ms  p99 %.1f ms  failed %d%n",
                        (now - begin) / 1e9, (done - lastCommitted) / 5.0, interval.percentileMillis(50),
                        interval.percentileMillis(99), failed.get());
                interval.drainInto(total);
                lastCommitted = done;
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
        }
        window.acquire(inFlight);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        double cpuMicrosPerFix = (os.getProcessCpuTime() - cpuBegin) / 1e3 / Math.max(1, committed.get());
        interval.drainInto(total);
        store.deactivate();
        System.out.printf(Locale.ROOT, "committed %,d fixes in %.1f s: %,.0f fixes/s, p50 %.1f ms, p99 %.1f ms, failed %d,"
                + " CPU %.0f us per fix%n", committed.get(), elapsed, committed.get() / elapsed, total.percentileMillis(50),
                total.percentileMillis(99), failed.get(), cpuMicrosPerFix);
    }
}
