package org.rescuegrid.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * One tracker of each protocol (NMEA, GT06, Teltonika, OsmAnd) sends at the same time; every record reaches HQ
 * once, and a driver bundle is replaced or removed while the others keep receiving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
// The uninstall test runs last: Karaf's feature service may later resynchronise the reinstalled bundle, restarting its listener.
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TrackerProtocolsIT extends RescueGridTestSupport {

    private static final int SOCKET_TIMEOUT_MS = 30_000;
    private static final int L70_FIXES = 16;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void oneTrackerOfEachProtocolReachesHq() throws Exception {
        String nmeaDevice = uniqueDeviceId("IT-MIX");
        String gt06Device = uniqueImei();
        String teltonikaDevice = uniqueImei();
        String phone = uniqueDeviceId("IT-PHONE");

        waitFor("the OsmAnd endpoint to be routed", TrackerProtocolsIT::osmandRouted);

        ExecutorService trackers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            runs.add(trackers.submit(() -> {
                streamLog(nmeaDevice, "quectel-L70.log");
                return null;
            }));
            runs.add(trackers.submit(() -> {
                playGt06(gt06Device, 1);
                return null;
            }));
            runs.add(trackers.submit(() -> {
                playTeltonika(teltonikaDevice, 3);
                return null;
            }));
            runs.add(trackers.submit(() -> {
                playOsmand(phone);
                return null;
            }));
            for (Future<?> run : runs) {
                run.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            trackers.shutdownNow();
        }

        waitFor("16 NMEA positions", () -> positions.countForDevice(nmeaDevice) == L70_FIXES);
        assertEquals(4, positions.countForDevice(gt06Device));
        assertEquals(3, positions.countForDevice(teltonikaDevice));
        assertEquals(List.of("tracker.ignition-on", "tracker.sos"), nodeEventTypes(gt06Device));
        assertEquals(List.of("tracker.ignition-on"), nodeEventTypes(teltonikaDevice));
        assertEquals(2, positions.countForDevice(phone));
        assertEquals(List.of("tracker.sos"), nodeEventTypes(phone));

        for (String device : List.of(nmeaDevice, gt06Device, teltonikaDevice, phone)) {
            waitFor("every position of " + device + " at HQ", () -> hqEventIds(device).equals(nodeEventIds(device)));
            assertEquals("HQ holds each position of " + device + " once", nodeEventIds(device).size(), hqRecordCount(nodeEventIds(device)));
        }
        waitFor("GT06 events at HQ", () -> hqEventTypes(gt06Device).equals(List.of("tracker.ignition-on", "tracker.sos")));
        waitFor("Teltonika events at HQ", () -> hqEventTypes(teltonikaDevice).equals(List.of("tracker.ignition-on")));
        waitFor("OsmAnd events at HQ", () -> hqEventTypes(phone).equals(List.of("tracker.sos")));

        String deviceList = executeCommand("rescue:device-list");
        assertTrue(deviceList, deviceList.matches("(?s).*" + gt06Device + "\\s*\\|\\s*gt06\\s*\\|.*"));
        assertTrue(deviceList, deviceList.matches("(?s).*" + teltonikaDevice + "\\s*\\|\\s*teltonika\\s*\\|.*"));
    }

    @Test
    public void gt06DriverReplacedThroughDeployWhileTeltonikaReceives() throws Exception {
        Bundle gt06 = bundle("org.rescuegrid.driver.gt06");
        long modified = gt06.getLastModified();
        String teltonikaDevice = uniqueImei();
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");

        try (Socket teltonika = connect("rescuegrid.test.teltonikaPort")) {
            teltonikaHandshake(teltonika, teltonikaDevice);
            sendTeltonikaPacket(teltonika, teltonikaDevice, 2);

            Files.copy(Path.of(System.getProperty("rescuegrid.gt06DriverJar")), deploy.resolve("org.rescuegrid.driver.gt06.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            waitFor("the GT06 driver to be updated from deploy/", () -> gt06.getLastModified() > modified && gt06.getState() == Bundle.ACTIVE);

            // The Teltonika connection opened before the update still has its records acknowledged.
            sendTeltonikaPacket(teltonika, teltonikaDevice, 2);
        }
        assertEquals(4, positions.countForDevice(teltonikaDevice));

        String gt06Device = uniqueImei();
        waitFor("the replaced GT06 driver to accept a tracker", () -> tryPlayGt06(gt06Device));
        assertEquals(4, positions.countForDevice(gt06Device));
    }

    @Test
    public void teltonikaDriverUninstalledAndReinstalledWhileGt06Receives() throws Exception {
        Bundle teltonika = bundle("org.rescuegrid.driver.teltonika");
        String location = teltonika.getLocation();
        teltonika.uninstall();
        waitFor("the Teltonika port to close", () -> !accepts("rescuegrid.test.teltonikaPort"));

        String gt06Device = uniqueImei();
        playGt06(gt06Device, 1);
        assertEquals(4, positions.countForDevice(gt06Device));

        bundleContext.installBundle(location).start();
        String teltonikaDevice = uniqueImei();
        waitFor("the reinstalled Teltonika driver to accept a tracker", () -> accepts("rescuegrid.test.teltonikaPort"));
        playTeltonika(teltonikaDevice, 2);
        assertEquals(2, positions.countForDevice(teltonikaDevice));
    }

    /**
     * Plays a GT06 tracker: login, two status packets (ignition off, then on), three locations and an SOS
     * alarm, sent twice. The alarm's reply is read before the position count is checked, so the count
     * shows that the reply came after the commit.
     */
    private void playGt06(String imei, int firstSerial) throws IOException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        int serial = firstSerial;
        try (Socket socket = connect("rescuegrid.test.gt06Port")) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());

            out.write(TrackerFrames.gt06Login(imei, serial));
            expect(in, TrackerFrames.gt06Reply(0x01, serial++));
            out.write(TrackerFrames.gt06Status(false, serial));
            expect(in, TrackerFrames.gt06Reply(0x13, serial++));
            out.write(TrackerFrames.gt06Status(true, serial));
            expect(in, TrackerFrames.gt06Reply(0x13, serial++));
            for (int i = 0; i < 3; i++) {
                out.write(TrackerFrames.gt06Location(start.plusSeconds(10L * i), 31.5204 + i * 0.001, 74.3587, 40, serial++));
            }
            byte[] alarm = TrackerFrames.gt06SosAlarm(start.plusSeconds(40), 31.5234, 74.3587, serial);
            out.write(alarm);
            expect(in, TrackerFrames.gt06Reply(0x16, serial));
            assertEquals("the alarm was acknowledged after its position was committed", 4, positions.countForDevice(imei));

            // A tracker that missed the reply sends the packet again; it is acknowledged and stored once.
            out.write(alarm);
            expect(in, TrackerFrames.gt06Reply(0x16, serial));
            assertEquals(4, positions.countForDevice(imei));
        }
    }

    private boolean tryPlayGt06(String imei) {
        try {
            playGt06(imei, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void playTeltonika(String imei, int records) throws IOException {
        try (Socket socket = connect("rescuegrid.test.teltonikaPort")) {
            teltonikaHandshake(socket, imei);
            sendTeltonikaPacket(socket, imei, records);
        }
    }

    /**
     * Plays a phone app: a location as query parameters, a rejected one, and an SOS with a location as a
     * form body. Each 200 is checked against the stored count, so it shows the response came after the commit.
     */
    private void playOsmand(String deviceId) throws Exception {
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(osmandUri("id=" + deviceId + "&timestamp=" + (now - 20)
                + "&lat=31.5497&lon=74.3436&speed=10.8&bearing=270&altitude=217&hdop=0.9&batt=87")).GET().build(), BodyHandlers.ofString());
        assertEquals(first.body(), 200, first.statusCode());
        assertEquals(1, positions.countForDevice(deviceId));

        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(osmandUri("id=" + deviceId + "&lat=91&lon=74.3")).GET().build(),
                BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("parameter 'lat' = '91' is invalid"));

        HttpResponse<String> sos = HTTP.send(HttpRequest.newBuilder(osmandUri(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("deviceid=" + deviceId + "&timestamp=" + (now - 10) + "&lat=31.5501&lon=74.3440&alarm=sos"))
                .build(), BodyHandlers.ofString());
        assertEquals(sos.body(), 200, sos.statusCode());
        assertEquals(2, positions.countForDevice(deviceId));
    }

    private static URI osmandUri(String query) {
        return URI.create("http://127.0.0.1:" + httpPort() + "/osmand" + (query.isEmpty() ? "" : "?" + query));
    }

    private static void teltonikaHandshake(Socket socket, String imei) throws IOException {
        socket.getOutputStream().write(TrackerFrames.teltonikaHandshake(imei));
        expect(new DataInputStream(socket.getInputStream()), new byte[] {0x01});
    }

    /** Sends a packet of records and checks that the record-count reply arrives only when all of them are committed. */
    private void sendTeltonikaPacket(Socket socket, String imei, int records) throws IOException {
        long before = positions.countForDevice(imei);
        Instant[] times = new Instant[records];
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        for (int i = 0; i < records; i++) {
            times[i] = start.plusSeconds(i + before * 10);
        }
        socket.getOutputStream().write(TrackerFrames.teltonikaPacket(times, 33.6844, 73.0479));
        expect(new DataInputStream(socket.getInputStream()), new byte[] {0, 0, 0, (byte) records});
        assertEquals("the reply came after the commit", before + records, positions.countForDevice(imei));
    }

    private static void expect(DataInputStream in, byte[] expected) throws IOException {
        byte[] actual = new byte[expected.length];
        in.readFully(actual);
        assertArrayEquals(expected, actual);
    }

    /** Connects to a driver's listener, retrying until it accepts, because drivers start after the bus and may still be starting. */
    private static Socket connect(String portProperty) throws IOException {
        int port = Integer.getInteger(portProperty);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(SOCKET_TIMEOUT_MS);
                return socket;
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("listener on 127.0.0.1:" + port + " did not accept a connection within " + TIMEOUT, e);
                }
                waitBeforeRetry();
            }
        }
    }

    private static void waitBeforeRetry() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a listener", e);
        }
    }

    /** Returns whether the OsmAnd endpoint is routed: a request without a device id gets its 400, not the server's 404. */
    private static boolean osmandRouted() {
        try {
            return HTTP.send(HttpRequest.newBuilder(osmandUri("")).GET().build(), BodyHandlers.ofString()).statusCode() == 400;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the OsmAnd endpoint", e);
        }
    }

    private static boolean accepts(String portProperty) {
        try (Socket socket = new Socket("127.0.0.1", Integer.getInteger(portProperty))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String uniqueImei() {
        return "86" + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
    }

    private List<String> nodeEventTypes(String deviceId) {
        return eventTypes(nodeDatabase, "SELECT event_type FROM device_event WHERE device_id = ? ORDER BY event_type", deviceId);
    }

    private List<String> hqEventTypes(String deviceId) {
        return eventTypes(hqDatabase, "SELECT event_type FROM hq_device_event WHERE device_id = ? ORDER BY event_type", deviceId);
    }

    private static List<String> eventTypes(DataSource database, String sql, String deviceId) {
        List<String> types = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
        return types;
    }
}
