package org.rescuegrid.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A Teltonika tracker sending AVL datagrams over UDP. Each datagram is acknowledged after the commit, a
 * resent one is stored once and a malformed one is not acknowledged. Every position reaches HQ with its
 * validity, including a fix from the future, which is stored flagged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TeltonikaUdpIT extends RescueGridTestSupport {

    private static final int RECEIVE_TIMEOUT_MS = 2_000;

    // Pax Exam looks for the annotation on the method it calls, so the override repeats it.
    @Override
    @Configuration
    public Option[] config() throws IOException {
        int udpPort = freeUdpPort();
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.rescuegrid.driver.teltonika-demo.cfg", "udpPort", String.valueOf(udpPort)),
                systemProperty("rescuegrid.test.teltonikaUdpPort").value(String.valueOf(udpPort)));
    }

    @Test
    public void udpTrackerReachesHqWithValidity() throws Exception {
        String imei = "86" + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant[] live = {now.minusSeconds(3), now.minusSeconds(2), now.minusSeconds(1)};
        byte[] liveData = avlData(TrackerFrames.teltonikaPacket(live, 31.5204, 74.3587));
        byte[] futureData = avlData(TrackerFrames.teltonikaPacket(new Instant[] {now.plus(Duration.ofHours(11))}, 31.5204, 74.3617));

        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(RECEIVE_TIMEOUT_MS);

            assertArrayEquals(new byte[] {0, 5, 0x12, 0x34, 1, 7, 3}, sendUntilAcknowledged(socket, datagram(0x1234, 7, imei, liveData)));
            assertArrayEquals("a resend is acknowledged again", new byte[] {0, 5, 0x12, 0x34, 1, 7, 3},
                    sendUntilAcknowledged(socket, datagram(0x1234, 7, imei, liveData)));
            assertEquals(3, positions.countForDevice(imei));

            byte[] malformed = datagram(0x1235, 8, imei, Arrays.copyOf(liveData, liveData.length - 1));
            socket.send(packet(malformed));
            assertTrue("a malformed datagram is not acknowledged", receive(socket) == null);

            assertArrayEquals(new byte[] {0, 5, 0x12, 0x36, 1, 9, 1}, sendUntilAcknowledged(socket, datagram(0x1236, 9, imei, futureData)));
        }

        assertEquals(4, positions.countForDevice(imei));
        waitFor("every position of " + imei + " at HQ", () -> hqEventIds(imei).equals(nodeEventIds(imei)));
        assertEquals(List.of("FUTURE", "VALID", "VALID", "VALID"), hqValidities(imei));
        assertEquals(live[2], positions.latest(imei).orElseThrow().fix().fixTime());

        String positionLast = executeCommand("rescue:position-last " + imei);
        assertTrue(positionLast, positionLast.contains("VALID"));
        assertTrue(positionLast, positionLast.contains("FUTURE"));
        String deviceList = executeCommand("rescue:device-list");
        assertTrue(deviceList, deviceList.matches("(?s).*" + imei + "\\s*\\|\\s*teltonika\\s*\\|.*"));
    }

    /** Sends a datagram until its acknowledgement arrives, as a tracker resends, and returns the acknowledgement. */
    private static byte[] sendUntilAcknowledged(DatagramSocket socket, byte[] datagram) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            socket.send(packet(datagram));
            byte[] reply = receive(socket);
            if (reply != null) {
                return reply;
            }
        }
        throw new AssertionError("no acknowledgement within " + TIMEOUT);
    }

    private static DatagramPacket packet(byte[] datagram) {
        return new DatagramPacket(datagram, datagram.length,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.getInteger("rescuegrid.test.teltonikaUdpPort")));
    }

    /** Returns the next datagram received, or null when none arrives within the receive timeout. */
    private static byte[] receive(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[64];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buffer, reply.getLength());
    }

    /** Returns the AVL data (codec id to second record count) of a TCP packet. */
    private static byte[] avlData(byte[] tcpPacket) {
        return Arrays.copyOfRange(tcpPacket, 8, tcpPacket.length - 4);
    }

    /** Builds an AVL datagram of Teltonika's UDP channel. */
    private static byte[] datagram(int packetId, int avlPacketId, String imei, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = 6 + imei.length() + data.length;
        out.write(length >>> 8);
        out.write(length);
        out.write(packetId >>> 8);
        out.write(packetId);
        out.write(0x01);
        out.write(avlPacketId);
        out.write(0);
        out.write(imei.length());
        out.writeBytes(imei.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private List<String> hqValidities(String deviceId) {
        List<String> validities = new ArrayList<>();
        String sql = "SELECT validity FROM hq_position WHERE device_id = ? ORDER BY validity";
        try (Connection connection = hqDatabase.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    validities.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
        return validities;
    }
}
