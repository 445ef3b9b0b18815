package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;
import org.rescuegrid.driver.onvif.CameraHealth;
import org.rescuegrid.driver.onvif.CameraService;
import org.rescuegrid.driver.onvif.CameraView;

/**
 * The demo's simulated cameras with the ONVIF driver in one node, plus three broken cameras: one
 * configured with a wrong password, one whose web server never responds, and one that returns a
 * SOAP fault to every request.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CameraIT extends RescueGridTestSupport {

    private static final String GATE = "CAM-LHR-GATE";
    private static final String WRONG_PASSWORD = "IT-CAM-WRONG-PASSWORD";
    private static final String SILENT = "IT-CAM-SILENT";
    private static final String FAULT = "IT-CAM-FAULT";
    private static final String UNCONFIGURED = "IT-CAM-UNCONFIGURED";
    private static final String ANNOUNCING = "IT-CAM-ANNOUNCING";
    private static final String SIMULATOR_PID = "org.rescuegrid.simulator.onvif";
    /** Columns of the rescue:camera-discover table, counted from 0. */
    private static final int HEARD_BY_COLUMN = 5;
    private static final int CONFIGURED_AS_COLUMN = 6;

    @Inject
    @Filter(timeout = 120_000)
    protected CameraService cameras;

    @Inject
    @Filter(timeout = 120_000)
    protected ConfigurationAdmin configurationAdmin;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        int wrongPasswordPort = freePort();
        int silentPort = freePort();
        int faultPort = freePort();
        int unconfiguredPort = freePort();
        int unconfiguredDiscoveryPort = freeUdpPort();
        int announcingPort = freePort();
        List<Option> options = new ArrayList<>(List.of(super.config()));
        // The base class silences the demo cameras; here the gate camera reports motion every 2 s.
        options.add(editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "motionIntervalSeconds", "2"));
        options.addAll(simulator("it-wrong-password", WRONG_PASSWORD, wrongPasswordPort, "normal"));
        options.addAll(simulator("it-silent", SILENT, silentPort, "silent"));
        options.addAll(simulator("it-fault", FAULT, faultPort, "fault"));
        options.addAll(driver("it-wrong-password", WRONG_PASSWORD, wrongPasswordPort, "not-the-password"));
        options.addAll(driver("it-silent", SILENT, silentPort, "demo-camera"));
        options.addAll(driver("it-fault", FAULT, faultPort, "demo-camera"));
        // A camera with no driver configuration, found by a directed probe and approved from the console.
        options.addAll(simulator("it-unconfigured", UNCONFIGURED, unconfiguredPort, "normal"));
        options.add(editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-it-unconfigured.cfg", "discoveryPort",
                String.valueOf(unconfiguredDiscoveryPort)));
        // A configured camera that announces Hello and Bye to the driver's listener.
        options.addAll(simulator("it-announcing", ANNOUNCING, announcingPort, "normal"));
        options.add(editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-it-announcing.cfg", "announceTo",
                "127.0.0.1:" + announcementPort));
        options.addAll(driver("it-announcing", ANNOUNCING, announcingPort, "demo-camera"));
        options.add(systemProperty("rescuegrid.test.unconfiguredPort").value(String.valueOf(unconfiguredPort)));
        options.add(systemProperty("rescuegrid.test.unconfiguredDiscoveryPort").value(String.valueOf(unconfiguredDiscoveryPort)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void demoCameraOnlineWithClockOffset() {
        waitFor(GATE + " online", () -> health(GATE) == CameraHealth.ONLINE);

        CameraView gate = cameras.camera(GATE).orElseThrow();
        assertEquals("RescueGrid", gate.manufacturer());
        assertEquals(GATE, gate.serialNumber());
        assertEquals("main", gate.profileToken());
        assertTrue("clock offset " + gate.clockOffset(), Math.abs(gate.clockOffset().toSeconds() - 420) <= 2);
        String listing = executeCommand("rescue:camera-list");
        assertTrue(listing, listing.contains(GATE));
        assertTrue(listing, listing.contains("ONLINE"));
    }

    @Test
    public void motionEventReachesStoreAndHq() {
        waitFor("a camera.motion event of " + GATE + " in the node's store",
                () -> count(nodeDatabase, "SELECT COUNT(*) FROM device_event WHERE device_id = ? AND event_type = 'camera.motion'", GATE) > 0);
        waitFor("a camera.motion event of " + GATE + " at HQ",
                () -> count(hqDatabase, "SELECT COUNT(*) FROM hq_device_event WHERE device_id = ? AND event_type = 'camera.motion'", GATE) > 0);
    }

    @Test
    public void snapshotFromConsoleStoredWithIncident() {
        waitFor(GATE + " online", () -> health(GATE) == CameraHealth.ONLINE);

        String output = executeCommand("rescue:camera-snapshot " + GATE + " INC-IT-42");

        assertTrue(output, output.startsWith("Snapshot "));
        assertEquals(1, count(nodeDatabase, "SELECT COUNT(*) FROM camera_snapshot WHERE camera_id = ? AND incident_id = 'INC-IT-42'"
                + " AND size_bytes > 500", GATE));
        assertTrue(cameras.camera(GATE).orElseThrow().lastSnapshot() != null);
    }

    @Test
    public void brokenCamerasReportHealthOnce() throws IOException {
        waitFor(WRONG_PASSWORD + " authentication failed", () -> health(WRONG_PASSWORD) == CameraHealth.AUTHENTICATION_FAILED);
        waitFor(SILENT + " unreachable", () -> health(SILENT) == CameraHealth.UNREACHABLE);
        waitFor(FAULT + " fault", () -> health(FAULT) == CameraHealth.FAULT);
        // The driver retries after 1 s, 2 s, 4 s... and the WARN line must not repeat on those retries. The
        // gate camera's motion events, one every 2 s, measure the time that passes.
        String motion = "SELECT COUNT(*) FROM device_event WHERE device_id = ? AND event_type = 'camera.motion'";
        long motionBefore = count(nodeDatabase, motion, GATE);
        waitFor("two more motion events of " + GATE, () -> count(nodeDatabase, motion, GATE) >= motionBefore + 2);

        // A camera can pass through UNREACHABLE first when its driver starts before its simulator listens.
        // Each state change is one WARN line, and retries in the same state add none.
        List<String> authentication = warnings(WRONG_PASSWORD, "AUTHENTICATION_FAILED");
        List<String> unreachable = warnings(SILENT, "UNREACHABLE");
        List<String> fault = warnings(FAULT, "FAULT");
        assertEquals(authentication.toString(), 1, authentication.size());
        assertEquals(unreachable.toString(), 1, unreachable.size());
        assertEquals(fault.toString(), 1, fault.size());
        assertTrue(authentication.get(0), authentication.get(0).contains("ter:NotAuthorized"));
        assertTrue(fault.get(0), fault.get(0).contains("simulated hardware failure"));
        String listing = executeCommand("rescue:camera-list");
        assertTrue(listing, listing.contains("AUTHENTICATION_FAILED"));
        assertTrue(listing, listing.contains("UNREACHABLE"));
    }

    @Test
    public void discoveredCameraApprovedFromConsole() {
        String address = "127.0.0.1:" + Integer.getInteger("rescuegrid.test.unconfiguredPort");
        String gateProbe = executeCommand("rescue:camera-discover --wait 1 --target 127.0.0.1:"
                + Integer.getInteger("rescuegrid.test.cameraGateDiscoveryPort"));
        String probe = executeCommand("rescue:camera-discover --wait 1 --target 127.0.0.1:"
                + Integer.getInteger("rescuegrid.test.unconfiguredDiscoveryPort"));

        assertEquals(gateProbe, "CAM-LHR-GATE", column(row(gateProbe, "CAM-LHR-GATE"), CONFIGURED_AS_COLUMN));
        String unconfigured = row(probe, UNCONFIGURED);
        assertEquals(probe, "-", column(unconfigured, CONFIGURED_AS_COLUMN));
        assertTrue(probe, unconfigured.contains("http://" + address + "/onvif/device_service"));
        assertTrue(probe, unconfigured.contains("RescueGrid-SimCam"));
        assertEquals(probe, "probe", column(unconfigured, HEARD_BY_COLUMN));
        assertTrue(probe, probe.contains("1 camera(s) responded within 1 s"));

        String rejected = commandError("rescue:camera-approve --password x 127.0.0.1:1 " + UNCONFIGURED);
        assertTrue(rejected, rejected.contains("no discovered camera has the address '127.0.0.1:1'"));
        rejected = commandError("rescue:camera-approve --password x " + address + " BAD/ID");
        assertTrue(rejected, rejected.contains("invalid camera id 'BAD/ID'"));

        // Karaf reads options only before the first argument. Without --password the command would prompt.
        String approved = executeCommand("rescue:camera-approve --password demo-camera " + address + " " + UNCONFIGURED);

        assertTrue(approved, approved.startsWith("Camera " + UNCONFIGURED + " approved as configuration "));
        waitFor(UNCONFIGURED + " online after approval", () -> health(UNCONFIGURED) == CameraHealth.ONLINE);
        String listing = executeCommand("rescue:camera-discover --list");
        assertEquals(listing, UNCONFIGURED, column(row(listing, UNCONFIGURED), CONFIGURED_AS_COLUMN));
        rejected = commandError("rescue:camera-approve --password x " + address + " IT-CAM-AGAIN");
        assertTrue(rejected, rejected.contains("is already configured as '" + UNCONFIGURED + "'"));
    }

    @Test
    public void byeMarksCameraOfflineAndHelloReconnects() throws Exception {
        waitFor(ANNOUNCING + " online", () -> health(ANNOUNCING) == CameraHealth.ONLINE);
        org.osgi.service.cm.Configuration simulator = simulatorConfiguration(ANNOUNCING);
        Dictionary<String, Object> properties = simulator.getProperties();
        String helloLine = "camera=" + ANNOUNCING + " announced Hello, reconnecting now";
        int hellosBefore = logLines(helloLine).size();

        simulator.delete();
        waitFor(ANNOUNCING + " offline", () -> health(ANNOUNCING) != CameraHealth.ONLINE);
        CameraView offline = cameras.camera(ANNOUNCING).orElseThrow();
        org.osgi.service.cm.Configuration restarted = configurationAdmin.getFactoryConfiguration(SIMULATOR_PID, "it-announcing-again", "?");
        properties.remove("service.pid");
        properties.remove("service.factoryPid");
        properties.remove("felix.fileinstall.filename");
        restarted.update(properties);
        waitFor(ANNOUNCING + " online after its Hello", () -> health(ANNOUNCING) == CameraHealth.ONLINE);

        assertEquals(CameraHealth.UNREACHABLE, offline.health());
        assertTrue(offline.detail(), offline.detail().contains("announced WS-Discovery Bye"));
        assertEquals(hellosBefore + 1, logLines(helloLine).size());
    }

    private org.osgi.service.cm.Configuration simulatorConfiguration(String name) throws Exception {
        org.osgi.service.cm.Configuration[] found = configurationAdmin.listConfigurations(
                "(&(service.factoryPid=" + SIMULATOR_PID + ")(name=" + name + "))");
        assertNotNull("no simulator configuration named " + name, found);
        assertEquals("simulator configurations named " + name, 1, found.length);
        return found[0];
    }

    /** Runs a command that must fail and returns its error message. */
    private String commandError(String command) {
        try {
            String output = executeCommand(command);
            throw new AssertionError("command '" + command + "' succeeded: " + output);
        } catch (AssertionError e) {
            if (e.getMessage().startsWith("command '" + command + "' failed: ")) {
                return e.getMessage();
            }
            throw e;
        }
    }

    /** Returns a cell of a ShellTable row, trimmed, or an empty string when the row is shorter. */
    private static String column(String row, int index) {
        String[] cells = row.split(Pattern.quote("|"));
        return index < cells.length ? cells[index].strip() : "";
    }

    /** Returns the table row that mentions {@code text}, or an empty string. */
    private static String row(String table, String text) {
        return table.lines().filter(line -> line.contains(text)).findFirst().orElse("");
    }

    private CameraHealth health(String cameraId) {
        return cameras.camera(cameraId).map(CameraView::health).orElse(null);
    }

    private static List<String> warnings(String cameraId, String state) {
        List<String> lines = new ArrayList<>();
        for (String line : logLines("camera=" + cameraId + " " + state + ": ")) {
            if (line.contains("| WARN ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> logLines(String text) {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(DataSource database, String sql, String cameraId) {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, cameraId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static List<Option> simulator(String name, String cameraName, int port, String behaviour) {
        String file = "etc/org.rescuegrid.simulator.onvif-" + name + ".cfg";
        return List.of(
            editConfigurationFilePut(file, "name", cameraName),
            editConfigurationFilePut(file, "port", String.valueOf(port)),
            editConfigurationFilePut(file, "password", "demo-camera"),
            editConfigurationFilePut(file, "motionIntervalSeconds", "0"),
            editConfigurationFilePut(file, "behaviour", behaviour));
    }

    private static List<Option> driver(String name, String cameraId, int port, String password) {
        String file = "etc/org.rescuegrid.driver.onvif-" + name + ".cfg";
        return List.of(
            editConfigurationFilePut(file, "cameraId", cameraId),
            editConfigurationFilePut(file, "address", "http://127.0.0.1:" + port + "/onvif/device_service"),
            editConfigurationFilePut(file, "password", password),
            editConfigurationFilePut(file, "requestTimeoutSeconds", "2"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
