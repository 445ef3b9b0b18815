package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
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
import java.util.List;

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

    @Inject
    @Filter(timeout = 120_000)
    protected CameraService cameras;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        int wrongPasswordPort = freePort();
        int silentPort = freePort();
        int faultPort = freePort();
        List<Option> options = new ArrayList<>(List.of(super.config()));
        // The base class silences the demo cameras; here the gate camera reports motion every 2 s.
        options.add(editConfigurationFilePut("etc/org.rescuegrid.simulator.onvif-lhr-gate.cfg", "motionIntervalSeconds", "2"));
        options.addAll(simulator("it-wrong-password", WRONG_PASSWORD, wrongPasswordPort, "normal"));
        options.addAll(simulator("it-silent", SILENT, silentPort, "silent"));
        options.addAll(simulator("it-fault", FAULT, faultPort, "fault"));
        options.addAll(driver("it-wrong-password", WRONG_PASSWORD, wrongPasswordPort, "not-the-password"));
        options.addAll(driver("it-silent", SILENT, silentPort, "demo-camera"));
        options.addAll(driver("it-fault", FAULT, faultPort, "demo-camera"));
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
