package org.rescuegrid.simulators.internal.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.rescuegrid.onvif.AnnouncementListener;
import org.rescuegrid.onvif.DiscoveredDevice;
import org.rescuegrid.onvif.DiscoveryAnnouncement;
import org.rescuegrid.onvif.WsDiscovery;

/** The simulator's WS-Discovery side, driven by the project's client on 127.0.0.1 only. */
class CameraDiscoveryTest {

    @Test
    void directedProbeFindsCamera() throws Exception {
        int httpPort = freePort();
        CameraSimulator simulator = new CameraSimulator(settings("CAM-DISC-01", httpPort, freeUdpPort(), null),
                Clock.systemUTC());
        try {
            WsDiscovery discovery = new WsDiscovery(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    simulator.discoveryPort()), null);

            List<DiscoveredDevice> devices = discovery.probe(Duration.ofMillis(800));

            assertEquals(1, devices.size());
            DiscoveredDevice device = devices.get(0);
            assertTrue(device.endpoint().startsWith("urn:uuid:"), device.endpoint());
            assertEquals("CAM-DISC-01", device.scope("name"));
            assertEquals(DiscoveryMessages.HARDWARE, device.scope("hardware"));
            assertEquals(List.of(URI.create("http://127.0.0.1:" + httpPort + "/onvif/device_service")),
                    device.serviceAddresses());
        } finally {
            simulator.deactivate();
        }
    }

    @Test
    void helloAtStartByeAtStop() throws Exception {
        BlockingQueue<DiscoveryAnnouncement> announcements = new LinkedBlockingQueue<>();
        try (AnnouncementListener listener = new AnnouncementListener(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null)) {
            Thread thread = new Thread(() -> {
                try {
                    listener.run(announcements::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            thread.start();
            int httpPort = freePort();
            InetSocketAddress announceTo = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port());

            CameraSimulator simulator = new CameraSimulator(settings("CAM-DISC-02", httpPort, 0, announceTo),
                    Clock.systemUTC());
            DiscoveryAnnouncement hello = announcements.poll(2, TimeUnit.SECONDS);
            simulator.deactivate();
            DiscoveryAnnouncement bye = announcements.poll(2, TimeUnit.SECONDS);
            listener.close();
            thread.join(2000);

            assertNotNull(hello, "no Hello within 2 s");
            assertTrue(hello.hello());
            assertEquals("CAM-DISC-02", hello.device().scope("name"));
            assertEquals(List.of(URI.create("http://127.0.0.1:" + httpPort + "/onvif/device_service")),
                    hello.device().serviceAddresses());
            assertNotNull(bye, "no Bye within 2 s");
            assertFalse(bye.hello());
            assertEquals(hello.device().endpoint(), bye.device().endpoint());
        }
    }

    @Test
    void probeForOtherTypesIgnored() {
        String printerProbe = """
                <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
                xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery"><s:Header><a:MessageID>uuid:1</a:MessageID></s:Header>\
                <s:Body><d:Probe><d:Types>wprt:PrintDeviceType</d:Types></d:Probe></s:Body></s:Envelope>""";
        String anyProbe = printerProbe.replace("<d:Types>wprt:PrintDeviceType</d:Types>", "");

        assertTrue(DiscoveryResponder.probeMessageId(printerProbe.getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertEquals("uuid:1", DiscoveryResponder.probeMessageId(anyProbe.getBytes(StandardCharsets.UTF_8)).orElseThrow());
        assertTrue(DiscoveryResponder.probeMessageId("no xml".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    private static CameraSimulatorSettings settings(String name, int httpPort, int discoveryPort, InetSocketAddress announceTo) {
        return new CameraSimulatorSettings(name, InetAddress.getLoopbackAddress(), httpPort, "admin", "secret",
                Duration.ZERO, Duration.ZERO, CameraSimulatorSettings.Behaviour.NORMAL, discoveryPort, announceTo);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
