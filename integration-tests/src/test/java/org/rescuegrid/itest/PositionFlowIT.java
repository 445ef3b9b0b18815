package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import javax.inject.Inject;

import org.apache.camel.CamelContext;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventStore;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.event.StoredDeviceEvent;

/** A recorded NMEA log streamed over TCP ends up in the node's Derby database and at HQ, once. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PositionFlowIT extends RescueGridTestSupport {

    @Inject
    @Filter(timeout = 120_000)
    private CamelContext camel;

    @Inject
    @Filter(timeout = 120_000)
    private DeviceEventStore events;

    // quectel-L70.log holds 16 epochs with a position; gpsd's reference output for it has the same 16 fix times.
    private static final int L70_FIXES = 16;

    @Test
    public void recordedLogReachesStoreAndHqOnce() throws Exception {
        String deviceId = uniqueDeviceId("IT-FLOW");

        streamLog(deviceId, "quectel-L70.log");

        waitFor("16 positions of " + deviceId + " in the node's database", () -> positions.countForDevice(deviceId) == L70_FIXES);
        assertFirstFixAsRecorded(deviceId);

        Set<String> nodeIds = nodeEventIds(deviceId);
        assertEquals(L70_FIXES, nodeIds.size());
        waitFor("all positions of " + deviceId + " at HQ", () -> hqEventIds(deviceId).equals(nodeIds));
        assertEquals("HQ holds each event exactly once", L70_FIXES, hqRecordCount(nodeIds));
        waitFor("an empty outbox", () -> uplink.status().backlog() == 0);

        String deviceList = executeCommand("rescue:device-list");
        assertTrue(deviceList, deviceList.contains(deviceId));
        assertTrue(deviceList, deviceList.matches("(?s).*" + deviceId + "\\s*\\|\\s*nmea\\s*\\|.*\\|\\s*" + L70_FIXES + "\\s*\\|\\s*0\\s*\\|.*"));

        String uplinkStatus = executeCommand("rescue:uplink-status");
        assertTrue(uplinkStatus, uplinkStatus.contains("Outbox backlog"));
        assertTrue(uplinkStatus, uplinkStatus.contains("0 records"));
        assertTrue(uplinkStatus, uplinkStatus.matches("(?s).*Transport\\s*\\|\\s*http.*"));
        assertTrue(uplinkStatus, uplinkStatus.matches("(?s).*Rejected by HQ, set aside\\s*\\|\\s*0 records.*"));
    }

    @Test
    public void refusedDriverSettingsAreListedByConfigProblems() throws Exception {
        ConfigurationAdmin configurationAdmin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration refused = configurationAdmin.createFactoryConfiguration("org.rescuegrid.driver.nmea", "?");

        refused.update(new Hashtable<>(Map.of("port", 70000, "deviceId", "IT-REFUSED", "identification", "port")));
        try {
            waitFor("the refused port in rescue:config-problems",
                    () -> executeCommand("rescue:config-problems").contains("port='70000' is invalid"));
            String problems = executeCommand("rescue:config-problems");
            assertTrue(problems, problems.contains("org.rescuegrid.driver.nmea: port='70000' is invalid; set a whole number from 1 to 65535"));
            assertTrue("the table shows the sentence, not the stack trace: " + problems, !problems.contains("at org.apache.felix"));
        } finally {
            refused.delete();
        }

        waitFor("the problem gone once the configuration is deleted",
                () -> !executeCommand("rescue:config-problems").contains("70000"));
    }

    @Test
    public void invalidValidityValueKeepsStoreRunning() throws Exception {
        ConfigurationAdmin configurationAdmin = bundleContext.getService(bundleContext.getServiceReference(ConfigurationAdmin.class));
        Configuration validity = configurationAdmin.getConfiguration("org.rescuegrid.store.positions", "?");

        validity.update(new Hashtable<>(Map.of("futureToleranceSeconds", "-10", "maxSpeedKmh", "fast")));
        try {
            waitFor("the rejected maxSpeedKmh in rescue:config-problems",
                    () -> executeCommand("rescue:config-problems").contains("maxSpeedKmh='fast'"));
            String problems = executeCommand("rescue:config-problems");
            assertTrue(problems, problems.contains("set a whole number from 50 to 2000"));
            assertTrue(problems, problems.contains("futureToleranceSeconds='-10'"));

            String deviceId = uniqueDeviceId("IT-CFG");
            try (Socket socket = connectToNmeaListener()) {
                OutputStream out = socket.getOutputStream();
                send(out, "$RGREG," + deviceId);
                send(out, "$GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D*73");
            }
            waitFor("a position of " + deviceId + " stored while the value is rejected", () -> positions.countForDevice(deviceId) == 1);
        } finally {
            validity.delete();
        }

        waitFor("the problem gone once the configuration is deleted",
                () -> !executeCommand("rescue:config-problems").contains("maxSpeedKmh"));
    }

    @Test
    public void malformedLinesAreCountedAndConnectionStaysOpen() throws Exception {
        String deviceId = uniqueDeviceId("IT-BAD");
        String oversized = "$GPTXT," + "X".repeat(600) + "*00";

        try (Socket socket = connectToNmeaListener()) {
            OutputStream out = socket.getOutputStream();
            send(out, "$RGREG," + deviceId);
            send(out, "$GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322,,,D*73");
            send(out, "$GPRMC,150120.000,A,5104.0859,N,11405.7388,W,0.13,194.17,090322,,,D*00");
            send(out, oversized);
            send(out, "$GPGGA,150121.000,51O4.0859,N,11405.7388,W,2,8,0.94,1102.3,M,-17.5,M,,*" + checksum("GPGGA,150121.000,51O4.0859,N,11405.7388,W,2,8,0.94,1102.3,M,-17.5,M,,"));
            // Valid epochs after the garbage show that the connection stayed up.
            send(out, "$GPRMC,150122.000,A,5104.0859,N,11405.7388,W,0.13,194.17,090322,,,D*" + checksum("GPRMC,150122.000,A,5104.0859,N,11405.7388,W,0.13,194.17,090322,,,D"));
            send(out, "$GPRMC,150123.000,A,5104.0860,N,11405.7389,W,0.13,194.17,090322,,,D*" + checksum("GPRMC,150123.000,A,5104.0860,N,11405.7389,W,0.13,194.17,090322,,,D"));
        }

        waitFor("3 stored positions of " + deviceId, () -> positions.countForDevice(deviceId) == 3);
        DeviceInfo device = devices.find(deviceId).orElseThrow();
        assertEquals(Long.valueOf(1), device.errors().get(DeviceErrorKind.BAD_CHECKSUM));
        assertEquals(Long.valueOf(1), device.errors().get(DeviceErrorKind.FRAME_TOO_LONG));
        assertEquals(Long.valueOf(1), device.errors().get(DeviceErrorKind.UNPARSEABLE));
        assertEquals(3, device.fixesReceived());
    }

    @Test
    public void driverDroppedIntoDeployReplacesRunningOne() throws Exception {
        Bundle driver = bundle("org.rescuegrid.driver.nmea");
        Bundle bus = bundle("org.rescuegrid.bus");
        long driverModified = driver.getLastModified();
        long busModified = bus.getLastModified();
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");

        Files.copy(Path.of(System.getProperty("rescuegrid.nmeaDriverJar")), deploy.resolve("org.rescuegrid.driver.nmea.jar"),
                StandardCopyOption.REPLACE_EXISTING);

        waitFor("the driver bundle to be updated from deploy/", () -> driver.getLastModified() > driverModified && driver.getState() == Bundle.ACTIVE);
        assertEquals("the driver was updated in place, not installed twice", driver.getBundleId(), bundle("org.rescuegrid.driver.nmea").getBundleId());
        assertEquals("the bus kept running", busModified, bus.getLastModified());
        assertEquals(Bundle.ACTIVE, bus.getState());

        String deviceId = uniqueDeviceId("IT-REDEPLOY");
        streamLog(deviceId, "quectel-L70.log");
        waitFor("positions through the redeployed driver", () -> positions.countForDevice(deviceId) == L70_FIXES);
    }

    @Test
    public void deviceEventReachesStoreAndHqOnce() throws Exception {
        String deviceId = uniqueDeviceId("IT-EVENT");
        DeviceEvent event = new DeviceEvent(deviceId, DeviceEventTypes.SOS, Instant.parse("2026-12-04T08:30:00Z"), Map.of("speedKmh", "42"));

        StoredDeviceEvent stored = camel.createProducerTemplate().requestBody(BusEndpoints.DEVICE_EVENT, event, StoredDeviceEvent.class);

        assertEquals(event, events.recent(deviceId, null, 10).get(0).event());
        waitFor("the event at HQ", () -> hqRecordCount(Set.of(stored.eventId())) == 1);
        String listed = executeCommand("rescue:device-events " + deviceId);
        assertTrue(listed, listed.contains("tracker.sos"));
        assertTrue(listed, listed.contains("speedKmh=42"));
    }

    private void assertFirstFixAsRecorded(String deviceId) throws Exception {
        String sql = "SELECT fix_time, latitude, longitude, speed_kmh, altitude, satellites, hdop, fix_valid, vehicle_id"
                + " FROM position_fix WHERE device_id = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY";
        try (Connection connection = nodeDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                // $GPRMC,150119.000,A,5104.0859,N,11405.7387,W,0.09,194.17,090322 and its GGA: 1102.4 m, 8 satellites, HDOP 0.94.
                Instant fixTime = rs.getTimestamp("fix_time", Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant();
                assertEquals(Instant.parse("2022-03-09T15:01:19Z"), fixTime);
                assertEquals(51.068098333, rs.getDouble("latitude"), 1e-9);
                assertEquals(-114.095645, rs.getDouble("longitude"), 1e-9);
                assertEquals(0.09 * 1.852, rs.getDouble("speed_kmh"), 1e-9);
                assertEquals(1102.4, rs.getDouble("altitude"), 1e-9);
                assertEquals(8, rs.getInt("satellites"));
                assertEquals(0.94, rs.getDouble("hdop"), 1e-9);
                assertTrue(rs.getBoolean("fix_valid"));
                assertNull("a device on no vehicle stores no vehicle id", rs.getString("vehicle_id"));
            }
        }
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String checksum(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        return String.format("%02X", sum);
    }
}
