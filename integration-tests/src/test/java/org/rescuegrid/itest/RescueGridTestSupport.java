package org.rescuegrid.itest;

import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.security.PrivilegedExceptionAction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.position.PositionStore;
import org.rescuegrid.api.uplink.UplinkMonitor;

/**
 * Boots the real distribution once per test class on free ports, with the demo simulators off, and
 * gives tests the node's services, its databases, the console and a TCP client for the NMEA listener.
 * Values chosen in the test JVM reach the container as system properties, because the test methods
 * run inside Karaf where this class is loaded again.
 */
public abstract class RescueGridTestSupport {

    // The demo feature configures HQ for this province; the test only replaces the token.
    protected static final String PROVINCE = "PB-LHR";
    protected static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** A user of the supervisors group, for console commands that only supervisors may run. */
    protected static final String TEST_SUPERVISOR = "it-supervisor";
    protected static final String TEST_SUPERVISOR_PASSWORD = "supervisor-secret";

    @Inject
    protected BundleContext bundleContext;

    /** Karaf registers this once its boot features are deployed; until then it may still start bundles a test stopped. */
    @Inject
    @Filter(timeout = 300_000)
    protected BootFinished bootFinished;

    @Inject
    @Filter(timeout = 120_000)
    protected SessionFactory sessionFactory;

    @Inject
    @Filter(value = "(dataSourceName=rescuegrid)", timeout = 120_000)
    protected DataSource nodeDatabase;

    @Inject
    @Filter(value = "(dataSourceName=hq)", timeout = 120_000)
    protected DataSource hqDatabase;

    @Inject
    @Filter(timeout = 120_000)
    protected PositionStore positions;

    @Inject
    @Filter(timeout = 120_000)
    protected DeviceRegistry devices;

    @Inject
    @Filter(timeout = 120_000)
    protected UplinkMonitor uplink;

    /** The UDP port of the driver's WS-Discovery listener on 127.0.0.1, chosen by {@link #config()} in the test JVM. */
    protected int announcementPort;

    @Configuration
    public Option[] config() throws IOException {
        int httpPort = freePort();
        int nmeaPort = freePort();
        int gt06Port = freePort();
        int teltonikaPort = freePort();
        int radioPort = freePort();
        int cameraGatePort = freePort();
        int cameraYardPort = freePort();
        announcementPort = freeUdpPort();
        int cameraGateDiscoveryPort = freeUdpPort();
        int cameraYardDiscoveryPort = freeUdpPort();
        String token = "integration-test-token-" + UUID.randomUUID();
        File tokenFile = File.createTempFile("uplink", ".token");
        Files.writeString(tokenFile.toPath(), token);
        String localRepository = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");

        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("rescuegrid.distribution")).toURI().toString())
                        .unpackDirectory(new File(System.getProperty("rescuegrid.examDir")))
                        .name("RescueGrid")
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/users.properties", TEST_SUPERVISOR, TEST_SUPERVISOR_PASSWORD + ",_g_:supervisors"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.rescuegrid.bus.cfg", "httpPort", String.valueOf(httpPort)),
                editConfigurationFilePut("etc/org.rescuegrid.driver.nmea-demo.cfg", "port", String.valueOf(nmeaPort)),
                editConfigurationFilePut("etc/org.rescuegrid.driver.nmea-demo.cfg", "identification", "registration"),
                editConfigurationFilePut("etc/org.rescuegrid.driver.gt06-demo.cfg", "port", String.valueOf(gt06Port)),
                editConfigurationFilePut("etc/org.rescuegrid.driver.teltonika-demo.cfg", "port", String.valueOf(teltonikaPort)),
                editConfigurationFilePut("etc/org.rescuegrid.uplink.cfg", "province", PROVINCE),
                editConfigurationFilePut("etc/org.rescuegrid.uplink.cfg", "hqUrl", "http://127.0.0.1:" + httpPort + "/hq/v1/batches"),
                editConfigurationFilePut("etc/org.rescuegrid.uplink.cfg", "token", "$[secret:uplink.token]"),
                editConfigurationFilePut("etc/org.rescuegrid.uplink.cfg", "pollIntervalMs", "200"),
                editConfigurationFilePut("etc/org.rescuegrid.uplink.cfg", "maxBackoffSeconds", "2"),
                editConfigurationFilePut("etc/org.rescuegrid.hq.cfg", "province." + PROVINCE + ".token", "$[secret:uplink.token]"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.nmea.cfg", "enabled", "false"),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.demo.cfg", "enabled", "false"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.radio.cfg", "port", String.valueOf(radioPort)),
                editConfigurationFilePut("etc/org.rescuegrid.driver.radio-demo.cfg", "endpointUrl",
                        "opc.tcp://127.0.0.1:" + radioPort + "/radio-gateway"),
                // The demo's simulated cameras move to free ports so parallel runs and a running demo do not
                // collide. Every key is written because the feature does not overwrite an existing file.
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "port", String.valueOf(cameraGatePort)),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "name", "CAM-LHR-GATE"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "password", "demo-camera"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "clockSkewSeconds", "420"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "motionIntervalSeconds", "0"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-yard.cfg", "motionIntervalSeconds", "0"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-yard.cfg", "port", String.valueOf(cameraYardPort)),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-yard.cfg", "name", "CAM-LHR-YARD"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-yard.cfg", "password", "demo-camera"),
                // WS-Discovery stays on loopback: the cameras announce to the driver's unicast listener and reply to
                // probes on ports of their own.
                editConfigurationFilePut("etc/org.rescuegrid.driver.onvif.discovery.cfg", "announcementAddress",
                        "127.0.0.1:" + announcementPort),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "announceTo", "127.0.0.1:" + announcementPort),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "discoveryPort",
                        String.valueOf(cameraGateDiscoveryPort)),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-yard.cfg", "announceTo", "127.0.0.1:" + announcementPort),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-yard.cfg", "discoveryPort",
                        String.valueOf(cameraYardDiscoveryPort)),
                editConfigurationFilePut("etc/org.rescuegrid.driver.onvif-lhr-gate.cfg", "cameraId", "CAM-LHR-GATE"),
                editConfigurationFilePut("etc/org.rescuegrid.driver.onvif-lhr-gate.cfg", "address",
                        "http://127.0.0.1:" + cameraGatePort + "/onvif/device_service"),
                editConfigurationFilePut("etc/org.rescuegrid.driver.onvif-lhr-gate.cfg", "password", "demo-camera"),
                editConfigurationFilePut("etc/org.rescuegrid.driver.onvif-lhr-yard.cfg", "cameraId", "CAM-LHR-YARD"),
                editConfigurationFilePut("etc/org.rescuegrid.driver.onvif-lhr-yard.cfg", "address",
                        "http://127.0.0.1:" + cameraYardPort + "/onvif/device_service"),
                editConfigurationFilePut("etc/org.rescuegrid.driver.onvif-lhr-yard.cfg", "password", "demo-camera"),
                replaceConfigurationFile("etc/uplink.token", tokenFile),
                // Pax Exam's probe waits 10 s by default for its invoker service. A boot on a busy 2-core machine
                // can take longer, and then the probe never runs and every test of the class fails.
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
                systemProperty("rescuegrid.test.httpPort").value(String.valueOf(httpPort)),
                systemProperty("rescuegrid.test.nmeaPort").value(String.valueOf(nmeaPort)),
                systemProperty("rescuegrid.test.gt06Port").value(String.valueOf(gt06Port)),
                systemProperty("rescuegrid.test.teltonikaPort").value(String.valueOf(teltonikaPort)),
                systemProperty("rescuegrid.test.radioPort").value(String.valueOf(radioPort)),
                systemProperty("rescuegrid.test.cameraGatePort").value(String.valueOf(cameraGatePort)),
                systemProperty("rescuegrid.test.cameraYardPort").value(String.valueOf(cameraYardPort)),
                systemProperty("rescuegrid.test.announcementPort").value(String.valueOf(announcementPort)),
                systemProperty("rescuegrid.test.cameraGateDiscoveryPort").value(String.valueOf(cameraGateDiscoveryPort)),
                systemProperty("rescuegrid.test.token").value(token),
                // Pax Exam 4.14 waits 10 s by default for its probe invoker and its injector, and then never runs the
                // tests. A node booting on a loaded 2-core machine can take longer.
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
                systemProperty("pax.exam.service.timeout").value("120000"),
                systemProperty("rescuegrid.fixtures").value(System.getProperty("rescuegrid.fixtures")),
                systemProperty("rescuegrid.nmeaDriverJar").value(System.getProperty("rescuegrid.nmeaDriverJar")),
                systemProperty("rescuegrid.gt06DriverJar").value(System.getProperty("rescuegrid.gt06DriverJar")));
    }

    /** Returns a device id no earlier test run of this node has used. */
    protected static String uniqueDeviceId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static Path fixture(String name) {
        return Path.of(System.getProperty("rescuegrid.fixtures"), "nmea", name);
    }

    /** Returns the token the node's uplink and HQ share in this run. */
    protected static String provinceToken() {
        return System.getProperty("rescuegrid.test.token");
    }

    protected static int httpPort() {
        return Integer.getInteger("rescuegrid.test.httpPort");
    }

    /** Sends a registration line and then every non-comment line of a recorded log, like a tracker would, and closes. */
    protected static void streamLog(String deviceId, String logName) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(fixture(logName), StandardCharsets.ISO_8859_1)) {
            if (!line.startsWith("#")) {
                lines.add((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        try (Socket socket = connectToNmeaListener()) {
            OutputStream out = socket.getOutputStream();
            out.write(("$RGREG," + deviceId + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte[] line : lines) {
                out.write(line);
            }
            out.flush();
        }
    }

    /** Connects to the NMEA listener, retrying while it is not listening yet, for example after a redeploy. */
    protected static Socket connectToNmeaListener() throws IOException {
        int port = Integer.getInteger("rescuegrid.test.nmeaPort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("NMEA listener on 127.0.0.1:" + port + " did not accept a connection within " + TIMEOUT, e);
                }
                pause();
            }
        }
    }

    /** Polls a condition until it holds, failing with a description of what was awaited. */
    protected static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            pause();
        }
    }

    /** Runs a console command as the console would and returns what it printed. */
    protected String executeCommand(String command) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            session.execute(command);
        } catch (Exception e) {
            print.flush();
            throw new AssertionError("command '" + command + "' failed: " + e.getMessage() + "\noutput:\n" + output.toString(StandardCharsets.UTF_8), e);
        } finally {
            session.close();
        }
        print.flush();
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Runs a console command as a user of the JAAS realm, so the command ACL checks that user's roles. */
    protected String executeAs(String user, String password, String command) throws Exception {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            new LoginContext("karaf", subject, callbacks -> {
                ((NameCallback) callbacks[0]).setName(user);
                ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
            }).login();
        } catch (LoginException e) {
            throw new AssertionError("login of " + user + " failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> executeCommand(command));
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /** Returns the event ids of a device's positions in the node's database. */
    protected Set<String> nodeEventIds(String deviceId) {
        return eventIds(nodeDatabase, "SELECT event_id FROM position_fix WHERE device_id = ?", deviceId);
    }

    /** Returns the event ids of a device's positions that HQ stored. */
    protected Set<String> hqEventIds(String deviceId) {
        return eventIds(hqDatabase, "SELECT event_id FROM hq_position WHERE device_id = ?", deviceId);
    }

    /** Returns how many rows HQ holds for the given event ids, counting every copy. */
    protected long hqRecordCount(Set<String> eventIds) {
        long count = 0;
        try (Connection connection = hqDatabase.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM hq_record WHERE event_id = ?")) {
            for (String eventId : eventIds) {
                query.setString(1, eventId);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    count += rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("HQ database query failed: " + e.getMessage(), e);
        }
        return count;
    }

    private static Set<String> eventIds(DataSource database, String sql, String deviceId) {
        Set<String> ids = new TreeSet<>();
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
        return ids;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a UDP port that is free on 127.0.0.1 now. */
    protected static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
