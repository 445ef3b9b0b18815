package org.rescuegrid.simulators.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays one vehicle's log over its own TCP connection to the NMEA driver, as GT06 packets to the GT06 driver or
 * as Teltonika AVL packets to the Teltonika driver, or as OsmAnd HTTP requests to the OsmAnd driver.
 *
 * <p>Each run of this task does one step (connect, or send one epoch) and schedules the next run
 * on the shared executor, so a waiting vehicle occupies no thread. Only one run of a vehicle is ever
 * pending, so the fields that only {@link #run} uses need no locking.
 *
 * <p>A lost connection is noticed when a write fails. TCP reports the peer's close only on the
 * write after the first one that follows it, so detection takes one or two epochs. An OsmAnd vehicle has no
 * connection of its own: a failed request or a reply other than 200 counts as a lost connection.
 */
final class VehicleReplay implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(VehicleReplay.class);

    static final long FIRST_RETRY_MILLIS = 1_000;
    static final long MAX_RETRY_MILLIS = 30_000;
    /** Ample for a listener on the local network. A longer wait would only delay the next attempt. */
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private enum State { STARTING, CONNECTED, DISCONNECTED, FINISHED }

    private final ReplaySettings.Vehicle vehicle;
    private final String host;
    private final int port;
    private final double speedup;
    private final boolean loop;
    private final boolean presentTime;
    private final Clock clock = Clock.systemUTC();
    private final byte[] registration;
    /** Encoder of the vehicle's GT06 packets, or null for another kind. */
    private final Gt06Encoder gt06;
    /** Encoder of the vehicle's Teltonika packets, or null for another kind. */
    private final TeltonikaEncoder teltonika;
    /** Encoder of the vehicle's OsmAnd requests, or null for another kind. */
    private final OsmandEncoder osmand;
    private final String osmandUrl;
    private final ScheduledExecutorService executor;
    private final List<ReplayScript.Epoch> epochs;

    private volatile boolean stopped;
    private volatile Socket socket;
    private volatile Future<?> pending;

    private State state = State.STARTING;
    private boolean everConnected;
    private int failedAttempts;
    private OutputStream out;
    private InputStream in;
    private int position;
    private long nextDueNanos;
    private final int daysPerPass;
    private int pass = 1;
    private long passStartNanos;
    private long linesSentInPass;

    VehicleReplay(ReplaySettings.Vehicle vehicle, ReplaySettings settings, ScheduledExecutorService executor) {
        this.vehicle = vehicle;
        this.host = settings.host;
        this.port = switch (vehicle.kind) {
            case NMEA -> settings.port;
            case GT06 -> settings.gt06Port;
            case TELTONIKA_8, TELTONIKA_8E -> settings.teltonikaPort;
            case OSMAND -> settings.osmandPort;
        };
        this.speedup = settings.speedup;
        this.loop = settings.loop;
        this.presentTime = settings.presentTime;
        this.gt06 = vehicle.kind == TrackerKind.GT06 ? new Gt06Encoder() : null;
        this.teltonika = switch (vehicle.kind) {
            case TELTONIKA_8 -> new TeltonikaEncoder(TeltonikaEncoder.CODEC_8);
            case TELTONIKA_8E -> new TeltonikaEncoder(TeltonikaEncoder.CODEC_8_EXTENDED);
            default -> null;
        };
        this.osmand = vehicle.kind == TrackerKind.OSMAND ? new OsmandEncoder() : null;
        this.osmandUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + settings.osmandPath;
        this.registration = (settings.registrationPrefix + vehicle.deviceId + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.executor = executor;
        this.epochs = vehicle.script.epochs();
        this.daysPerPass = DateShift.daysCovered(epochs.stream().flatMap(epoch -> epoch.lines().stream()).toList());
    }

    void start() {
        schedule(0);
    }

    /** Stops the replay and closes the connection. A run in progress ends at its next step. */
    void stop() {
        stopped = true;
        Future<?> next = pending;
        if (next != null) {
            next.cancel(false);
        }
        // Closing the socket also aborts a connect or write that is blocked in another thread.
        closeSocket();
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        try {
            if (state != State.CONNECTED) {
                connect();
                schedule(0);
            } else {
                sendNextEpoch();
            }
        } catch (IOException | RuntimeException e) {
            onFailure(e);
        }
    }

    private void connect() throws IOException {
        if (osmand != null) {
            // Each OsmAnd report is a request of its own, so there is no connection to open.
            onConnected();
            return;
        }
        Socket connection = new Socket();
        socket = connection;
        if (stopped) {
            closeSocket();
            throw new IOException("replay stopped");
        }
        connection.setTcpNoDelay(true);
        connection.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        out = connection.getOutputStream();
        in = connection.getInputStream();
        out.write(hello());
        out.flush();
        if (teltonika != null) {
            awaitHandshakeAccepted(connection);
        }
        onConnected();
    }

    /** Returns what the tracker sends first on a new connection to identify itself. */
    private byte[] hello() {
        if (gt06 != null) {
            return gt06.login(vehicle.deviceId);
        }
        return teltonika != null ? teltonika.handshake(vehicle.deviceId) : registration;
    }

    /** Reads the driver's one-byte reply to a Teltonika handshake: 0x01 accepts the IMEI, anything else rejects it. */
    private void awaitHandshakeAccepted(Socket connection) throws IOException {
        connection.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
        int reply = in.read();
        connection.setSoTimeout(0);
        if (reply != 0x01) {
            throw new IOException(reply < 0 ? "connection closed before the IMEI handshake was accepted"
                    : String.format("IMEI handshake rejected with 0x%02X", reply));
        }
    }

    private void onConnected() {
        String verb = everConnected ? "reconnected" : "connected";
        if (failedAttempts == 0) {
            LOG.info("device={} replay {} to {}:{} (log {})", vehicle.deviceId, verb, host, port, vehicle.logName);
        } else {
            LOG.info("device={} replay {} to {}:{} after {} attempts (log {})",
                    vehicle.deviceId, verb, host, port, failedAttempts + 1, vehicle.logName);
        }
        nextDueNanos = System.nanoTime();
        if (!everConnected) {
            passStartNanos = nextDueNanos;
        }
        state = State.CONNECTED;
        everConnected = true;
        failedAttempts = 0;
    }

    private void sendNextEpoch() throws IOException {
        ReplayScript.Epoch epoch = epochs.get(position);
        if (osmand != null) {
            report(osmand.query(vehicle.deviceId, timed(epoch.lines())));
        } else {
            discardReplies();
            out.write(payload(epoch));
            out.flush();
        }
        linesSentInPass += epoch.lineCount();
        position++;

        if (position == epochs.size()) {
            if (!completePass()) {
                return;
            }
            position = 0;
        }

        long now = System.nanoTime();
        nextDueNanos += pacedDelayNanos(epochs.get(position).intervalMillis(), speedup);
        if (nextDueNanos < now) {
            // Behind schedule (slow writes or a busy pool): continue from now instead of sending a burst.
            nextDueNanos = now;
        }
        schedule(nextDueNanos - now);
    }

    /** Returns the epoch's bytes for a TCP tracker of this vehicle's kind, with the times of {@link #timed}. */
    private byte[] payload(ReplayScript.Epoch epoch) {
        List<byte[]> lines = timed(epoch.lines());
        if (gt06 != null) {
            return gt06.location(lines);
        }
        if (teltonika != null) {
            return teltonika.location(lines);
        }
        return lines == epoch.lines() ? epoch.payload() : nmeaPayload(lines, epoch.payload().length);
    }

    private static byte[] nmeaPayload(List<byte[]> lines, int sizeHint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint + 16);
        for (byte[] line : lines) {
            bytes.writeBytes(line);
            bytes.write('\r');
            bytes.write('\n');
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the lines as sent now: stamped with the present time, or with presentTime off as recorded in
     * the first pass and moved by whole days in later ones, so the node stores each pass as new positions.
     */
    private List<byte[]> timed(List<byte[]> lines) {
        if (presentTime) {
            return lines.stream().map(line -> PresentTime.apply(line, clock.instant())).toList();
        }
        int days = (pass - 1) * daysPerPass;
        return days == 0 ? lines : lines.stream().map(line -> DateShift.apply(line, days)).toList();
    }

    /** Sends one OsmAnd report as an HTTP GET and fails unless the driver responds 200 after storing it. */
    private void report(String query) throws IOException {
        if (query.isEmpty()) {
            return;
        }
        HttpURLConnection request = (HttpURLConnection) URI.create(osmandUrl + "?" + query).toURL().openConnection();
        request.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        request.setReadTimeout(CONNECT_TIMEOUT_MILLIS);
        int status = request.getResponseCode();
        // Reading the body to its end lets the connection be kept alive for the next report.
        try (InputStream body = status < 400 ? request.getInputStream() : request.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        if (status != 200) {
            throw new IOException("OsmAnd report rejected with HTTP " + status + " by " + osmandUrl + "; expected 200");
        }
    }

    /** Reads and drops what the driver sent back (GT06 acknowledgements), so the socket's receive buffer never fills. */
    private void discardReplies() throws IOException {
        int available = in.available();
        if (available > 0) {
            in.skipNBytes(available);
        }
    }

    /** Logs the end of a pass. Returns whether the replay continues with another pass. */
    private boolean completePass() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - passStartNanos);
        if (!loop) {
            LOG.info("device={} replay sent all {} lines of log {} in {} s; loop=false, closing the connection",
                    vehicle.deviceId, linesSentInPass, vehicle.logName, seconds);
            state = State.FINISHED;
            closeSocket();
            return false;
        }
        // INFO only for the first pass, because a short log at a high speedup would log every few seconds.
        if (pass == 1) {
            LOG.info("device={} replay sent all {} lines of log {} in {} s; looping, later passes are logged at DEBUG",
                    vehicle.deviceId, linesSentInPass, vehicle.logName, seconds);
        } else {
            LOG.debug("device={} replay finished pass {} of log {}: {} lines in {} s",
                    vehicle.deviceId, pass, vehicle.logName, linesSentInPass, seconds);
        }
        pass++;
        linesSentInPass = 0;
        passStartNanos = System.nanoTime();
        return true;
    }

    /**
     * Closes the connection and schedules the next connect attempt. Logs at INFO only when the
     * state changes (first failed connect, lost connection), and each further failed attempt at DEBUG.
     */
    private void onFailure(Exception e) {
        closeSocket();
        if (stopped) {
            return;
        }
        if (state == State.CONNECTED) {
            failedAttempts = 0;
        } else {
            failedAttempts++;
        }
        long retryMillis = retryDelayMillis(failedAttempts);

        if (e instanceof RuntimeException) {
            LOG.error("device={} replay failed unexpectedly; reconnecting to {}:{} in {} ms",
                    vehicle.deviceId, host, port, retryMillis, e);
        } else if (state == State.CONNECTED) {
            LOG.info("device={} replay disconnected from {}:{}: {}; reconnecting with backoff from {} s to {} s",
                    vehicle.deviceId, host, port, e.toString(), FIRST_RETRY_MILLIS / 1000, MAX_RETRY_MILLIS / 1000);
        } else if (state == State.STARTING) {
            LOG.info("device={} replay cannot connect to {}:{}: {}; retrying with backoff from {} s to {} s",
                    vehicle.deviceId, host, port, e.toString(), FIRST_RETRY_MILLIS / 1000, MAX_RETRY_MILLIS / 1000);
        } else {
            LOG.debug("device={} replay connect attempt {} to {}:{} failed: {}; next attempt in {} ms",
                    vehicle.deviceId, failedAttempts, host, port, e.toString(), retryMillis);
        }
        state = State.DISCONNECTED;
        schedule(TimeUnit.MILLISECONDS.toNanos(retryMillis));
    }

    /**
     * Returns the wait before the next connect attempt after {@code failedAttempts} failed ones in a
     * row: 1 s after a lost connection or the first failure, then doubling up to 30 s.
     */
    static long retryDelayMillis(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 5);
        return Math.min(FIRST_RETRY_MILLIS << doublings, MAX_RETRY_MILLIS);
    }

    /** Converts a recorded interval into the replay's wait in ns at the given speedup. */
    static long pacedDelayNanos(long intervalMillis, double speedup) {
        return Math.round(intervalMillis * 1_000_000.0 / speedup);
    }

    private void schedule(long delayNanos) {
        if (stopped) {
            return;
        }
        try {
            pending = executor.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The executor rejects new runs only after the component has shut it down.
            if (!stopped) {
                LOG.warn("device={} replay stops because its executor is shut down", vehicle.deviceId);
            }
        }
    }

    private void closeSocket() {
        Socket connection = socket;
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (IOException e) {
            LOG.debug("device={} replay: closing the socket failed: {}", vehicle.deviceId, e.toString());
        }
    }
}
