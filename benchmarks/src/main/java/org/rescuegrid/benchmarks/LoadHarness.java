package org.rescuegrid.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;

import org.rescuegrid.simulators.internal.EpochFix;
import org.rescuegrid.simulators.internal.TeltonikaEncoder;

/**
 * Connects N simulated GT06 and Teltonika trackers to a running node over loopback, each sending one position
 * per interval. Every 10 s and at the end it prints positions per second sent and committed, ingest-to-commit
 * latency p50 and p99, connections held, and the node's heap and RSS. Committed means acknowledged, because both
 * drivers acknowledge a packet only after its records are committed. {@code --help} lists the options, and
 * docs/benchmarks.md has the commands behind the published figures.
 */
public final class LoadHarness {

    private static final long REPORT_INTERVAL_SECONDS = 10;
    private static final String USAGE = """
            LoadHarness options (all optional):
              --host ADDRESS          node address, default 127.0.0.1
              --trackers N            simulated trackers, 1-20000, default 100
              --protocols LIST        gt06, teltonika or gt06,teltonika (alternating), default gt06,teltonika
              --codec 8|8E            Teltonika codec, default 8E
              --gt06-port PORT        GT06 listener that acknowledges location packets, default 5123
              --teltonika-port PORT   Teltonika listener, default 5027
              --interval-ms MS        time between two positions of one tracker, default 5000
              --duration-s S          sending time after the last tracker connected, default 60
              --connect-per-s N       new connections per second while ramping up, default 1000
              --window N              unacknowledged packets per tracker before it skips a send, default 50
              --imei-prefix DIGITS    first digits of the trackers' 15-digit IMEIs, default 86999
              --node-pid PID          node JVM to read heap and RSS of, default none
              --track LOG             fixture log whose track every tracker walks, default bundg_zeus_9.log
            """;

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        int trackers = intOption(options, "trackers", 100, 1, 20_000);
        String protocols = options.getOrDefault("protocols", "gt06,teltonika");
        if (!protocols.matches("gt06|teltonika|gt06,teltonika|teltonika,gt06")) {
            throw new IllegalArgumentException("--protocols " + protocols + " is invalid; use gt06, teltonika or gt06,teltonika");
        }
        String codecText = options.getOrDefault("codec", "8E");
        if (!codecText.equals("8") && !codecText.equals("8E")) {
            throw new IllegalArgumentException("--codec " + codecText + " is invalid; use 8 or 8E");
        }
        int codec = codecText.equals("8") ? TeltonikaEncoder.CODEC_8 : TeltonikaEncoder.CODEC_8_EXTENDED;
        int gt06Port = intOption(options, "gt06-port", 5123, 1, 65535);
        int teltonikaPort = intOption(options, "teltonika-port", 5027, 1, 65535);
        int intervalMillis = intOption(options, "interval-ms", 5000, 1, 3_600_000);
        int durationSeconds = intOption(options, "duration-s", 60, 1, 86_400);
        int connectPerSecond = intOption(options, "connect-per-s", 1000, 1, 100_000);
        int window = intOption(options, "window", 50, 1, 100_000);
        String prefix = options.getOrDefault("imei-prefix", "86999");
        if (!prefix.matches("[0-9]{1,10}") || Math.pow(10, 15 - prefix.length()) < trackers) {
            throw new IllegalArgumentException("--imei-prefix " + prefix + " is invalid; use 1-10 digits that leave room for " + trackers
                    + " IMEIs");
        }
        NodeProbe probe = options.containsKey("node-pid") ? new NodeProbe(Long.parseLong(options.get("node-pid"))) : null;
        List<EpochFix> track = FixtureTracks.track(options.getOrDefault("track", FixtureTracks.MOVING_LOG));

        // Fix times start 30 days back and advance one second per packet, so every packet of every run is a new
        // fix (the node stores one position per device and fix time) and none lies in the future.
        Instant firstFixTime = Instant.now().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        LoadStats stats = new LoadStats();
        System.out.printf(Locale.ROOT, "load: %d trackers (%s, Teltonika codec %s) to %s, GT06 port %d, Teltonika port %d, one position"
                + " per %d ms each (%.0f positions/s offered), %d s after ramp-up, %s%n", trackers, protocols, codecText, host, gt06Port,
                teltonikaPort, intervalMillis, trackers * 1000.0 / intervalMillis, durationSeconds, probe == null ? "no node pid" : probe.describe());

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<Channel> channels = new ArrayList<>(trackers);
        List<SimulatedTracker> handlers = new ArrayList<>(trackers);
        long started = System.nanoTime();
        Reporter reporter = new Reporter(stats, probe, started);
        try {
            for (int i = 0; i < trackers; i++) {
                boolean teltonika = protocols.equals("teltonika") || (protocols.contains(",") && i % 2 == 1);
                String imei = prefix + String.format("%0" + (15 - prefix.length()) + "d", i);
                SimulatedTracker handler = new SimulatedTracker(imei, teltonika, codec, track, firstFixTime,
                        TimeUnit.MILLISECONDS.toNanos(intervalMillis), window, stats);
                handlers.add(handler);
                ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                        .handler(handler)
                        .connect(host, teltonika ? teltonikaPort : gt06Port);
                connect.addListener(future -> {
                    if (!future.isSuccess()) {
                        stats.connectionFailed(future.cause());
                    }
                });
                channels.add(connect.channel());
                // Pace the ramp-up: a node accepts a burst of thousands of connections slower than a steady stream.
                long due = started + TimeUnit.SECONDS.toNanos(i + 1) / connectPerSecond;
                reporter.reportIfDue();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            System.out.printf(Locale.ROOT, "load: all %d connects issued after %.1f s%n", trackers, (System.nanoTime() - started) / 1e9);

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
            while (System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(Math.min(200, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                reporter.reportIfDue();
            }
            // Stop sending, then give the node up to 30 s to acknowledge what it already received.
            for (SimulatedTracker handler : handlers) {
                group.next().execute(handler::stopSending);
            }
            long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (stats.acknowledged.sum() < stats.sent.sum() && System.nanoTime() < drainEnd) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            reporter.printFinal();
        } finally {
            for (Channel channel : channels) {
                channel.close();
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    /** Prints the interval figures every 10 s and the totals at the end. */
    private static final class Reporter {

        private final LoadStats stats;
        private final NodeProbe probe;
        private final long started;
        private long nextReport;
        private long lastSent;
        private long lastAcknowledged;
        private long lastReport;

        Reporter(LoadStats stats, NodeProbe probe, long started) {
            this.stats = stats;
            this.probe = probe;
            this.started = started;
            this.lastReport = started;
            this.nextReport = started + TimeUnit.SECONDS.toNanos(REPORT_INTERVAL_SECONDS);
        }

        void reportIfDue() {
            long now = System.nanoTime();
            if (now < nextReport) {
                return;
            }
            nextReport += TimeUnit.SECONDS.toNanos(REPORT_INTERVAL_SECONDS);
            long sent = stats.sent.sum();
            long acknowledged = stats.acknowledged.sum();
            double seconds = (now - lastReport) / 1e9;
            LatencyHistogram interval = new LatencyHistogram();
            stats.interval.drainInto(interval);
            System.out.printf(Locale.ROOT, "t=%4.0fs sent %7.0f/s committed %7.0f/s p50 %7.1f ms p99 %7.1f ms | held %5d of %5d open,"
                    + " closed %d, failures %d, skipped %d | %s%n", (now - started) / 1e9, (sent - lastSent) / seconds,
                    (acknowledged - lastAcknowledged) / seconds, interval.percentileMillis(50), interval.percentileMillis(99),
                    stats.accepted.get(), stats.open.get(), stats.closedAfterAccept.sum(), stats.failures.sum(), stats.skipped.sum(),
                    probe == null ? "" : probe.describe());
            interval.drainInto(stats.total);
            lastSent = sent;
            lastAcknowledged = acknowledged;
            lastReport = now;
        }

        void printFinal() {
            stats.interval.drainInto(stats.total);
            long sent = stats.sent.sum();
            long acknowledged = stats.acknowledged.sum();
            // The rate covers the time from the first send to the last acknowledgement, so ramp-up before the
            // first send and the idle end of the drain wait do not dilute it.
            double seconds = Math.max(1e-3, (stats.lastAcknowledgementNanos.get() - stats.firstSendNanos.get()) / 1e9);
            System.out.printf(Locale.ROOT, "total: sent %d, committed %d (%d never acknowledged), %.0f committed/s over %.0f s,"
                    + " p50 %.1f ms, p99 %.1f ms, held at the end %d, connections closed by the node %d, connect or I/O failures %d"
                    + " (last: %s), rejected handshakes %d, sends skipped for a full window %d, unexpected acknowledgements %d%n", sent,
                    acknowledged, sent - acknowledged, acknowledged / seconds, seconds, stats.total.percentileMillis(50),
                    stats.total.percentileMillis(99), stats.accepted.get(), stats.closedAfterAccept.sum(), stats.failures.sum(),
                    stats.lastFailure.get(), stats.rejected.sum(), stats.skipped.sum(), stats.unexpectedAcknowledgements.sum());
            if (probe != null) {
                System.out.println("total: " + probe.describe());
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("argument '" + args[i] + "' is invalid; options are --NAME VALUE pairs\n" + USAGE);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, int fallback, int min, int max) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new IllegalArgumentException("--" + name + " " + text + " is invalid; use a whole number from " + min + " to " + max);
    }
}
