package org.rescuegrid.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.rescuegrid.onvif.internal.XmlDocuments;

/** WS-Discovery on loopback only: the probe is directed at a responder on 127.0.0.1, never at the multicast group. */
class WsDiscoveryTest {

    private static final String HELLO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
            xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery">
            <s:Header><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/%1$s</a:Action></s:Header>
            <s:Body><d:%1$s><a:EndpointReference><a:Address>urn:uuid:11111111-2222-3333-4444-555555555555</a:Address></a:EndpointReference>\
            <d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/GATE</d:Scopes>\
            <d:XAddrs>http://127.0.0.1:8131/onvif/device_service</d:XAddrs></d:%1$s></s:Body></s:Envelope>
            """;

    @Test
    void probeMatchFromRecordedResponse() throws Exception {
        try (DatagramSocket responder = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread thread = new Thread(() -> respond(responder));
            thread.start();

            WsDiscovery discovery = new WsDiscovery(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    responder.getLocalPort()), null);
            List<DiscoveredDevice> devices = discovery.probe(Duration.ofSeconds(1));
            thread.join(2000);

            assertEquals(1, devices.size());
            DiscoveredDevice device = devices.get(0);
            assertEquals("uuid:c9790c3a-701b-464d-a189-0060351c8ada", device.endpoint());
            assertEquals(List.of("dn:NetworkVideoTransmitter", "tds:Device"), device.types());
            assertEquals("PREDATOR", device.scope("name"));
            assertEquals("HD_PREDATOR", device.scope("hardware"));
            assertEquals(List.of(URI.create("http://127.0.0.1:8131/onvif/device_service")), device.serviceAddresses());
            assertEquals(InetAddress.getLoopbackAddress(), device.sender());
        }
    }

    @Test
    void helloAndByeReceived() throws Exception {
        BlockingQueue<DiscoveryAnnouncement> announcements = new LinkedBlockingQueue<>();
        try (AnnouncementListener listener = new AnnouncementListener(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread thread = new Thread(() -> {
                try {
                    listener.run(announcements::add);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.start();
            send(sender, listener.port(), "not a discovery message");
            send(sender, listener.port(), HELLO.formatted("Hello"));
            send(sender, listener.port(), HELLO.formatted("Bye"));

            DiscoveryAnnouncement hello = announcements.poll(2, TimeUnit.SECONDS);
            DiscoveryAnnouncement bye = announcements.poll(2, TimeUnit.SECONDS);
            listener.close();
            thread.join(2000);

            assertTrue(hello.hello());
            assertEquals("urn:uuid:11111111-2222-3333-4444-555555555555", hello.device().endpoint());
            assertEquals("GATE", hello.device().scope("name"));
            assertEquals(false, bye.hello());
            assertEquals(hello.device().endpoint(), bye.device().endpoint());
        }
    }

    private static void send(DatagramSocket socket, int port, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    /** Responds to one probe with the recorded ProbeMatches, filled in as the npm package's test server does. */
    private static void respond(DatagramSocket responder) {
        try {
            byte[] buffer = new byte[65_507];
            DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
            responder.setSoTimeout(2000);
            responder.receive(probe);
            String messageId = XmlDocuments.parse(new String(probe.getData(), 0, probe.getLength(), StandardCharsets.UTF_8))
                    .text("Header", "MessageID").orElseThrow();
            String reply = FixtureCamera.read("Probe.xml").replace("RELATES_TO", messageId)
                    .replace("SERVICE_URI", "http://127.0.0.1:8131/onvif/device_service");
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            responder.send(new DatagramPacket(bytes, bytes.length, probe.getSocketAddress()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
