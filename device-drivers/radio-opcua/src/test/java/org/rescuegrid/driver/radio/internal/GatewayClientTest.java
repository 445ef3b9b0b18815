package org.rescuegrid.driver.radio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rescuegrid.driver.radio.internal.RecordingListener.waitFor;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.driver.radio.internal.GatewayStatus.State;
import org.rescuegrid.simulators.internal.RadioGatewayServer;

/** The gateway client against the simulated gateway, a Milo server on 127.0.0.1. */
class GatewayClientTest {

    private static final List<String> RADIOS = List.of("RADIO-T1", "RADIO-T2", "RADIO-T3");

    @TempDir
    Path securityFolder;

    private RadioGatewayServer server;
    private GatewayClient client;
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stopAll() throws Exception {
        if (client != null) {
            client.stop();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void statusChangeBecomesSnapshot() throws Exception {
        server = startServer(freePort(), null, null, null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).build());

        waitFor("a first snapshot of every radio", () -> RADIOS.stream().allMatch(id -> !listener.changesOf(id).isEmpty()));
        RadioSnapshot first = listener.changesOf("RADIO-T1").get(0);
        assertEquals(1, first.statusCode());
        assertEquals(UnitStatus.AVAILABLE, first.unitStatus());
        assertEquals("TG-100", first.talkGroup());
        assertEquals(-75.0, first.rssiDbm());
        assertEquals(100.0, first.batteryPercent());
        assertEquals(31.52, first.latitude(), 1e-9);
        assertEquals(State.ONLINE, client.status().state());
        assertEquals(3, client.status().radios());
        // One item per radio variable, and the event item on the Server object.
        assertEquals(3 * RadioVariable.values().length + 1, client.status().monitoredItems());
        assertEquals(List.of("EmergencyButtonEventType", "RadioOfflineEventType"), client.status().eventTypes().stream().sorted().toList());

        server.setStatus("RADIO-T2", 4);

        RadioSnapshot onScene = listener.awaitChange("RADIO-T2 on scene", change -> "RADIO-T2".equals(change.radioId())
                && Integer.valueOf(4).equals(change.statusCode()));
        assertEquals(UnitStatus.ON_SCENE, onScene.unitStatus());
        assertEquals("on-scene", onScene.attributes().get("unitStatus"));
        assertEquals("test", onScene.attributes().get("gateway"));
    }

    @Test
    void gatewayEventsBecomeAlerts() throws Exception {
        server = startServer(freePort(), null, null, null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).build());
        waitFor("a first snapshot of every radio", () -> RADIOS.stream().allMatch(id -> !listener.changesOf(id).isEmpty()));
        Instant pressed = Instant.now();

        server.pressEmergencyButton("RADIO-T2");
        server.reportRadioOffline("RADIO-T3");

        RadioAlert emergency = listener.awaitAlert("the emergency of RADIO-T2", alert -> alert.kind() == RadioAlert.Kind.EMERGENCY);
        assertEquals("RADIO-T2", emergency.radioId());
        assertEquals("test", emergency.gateway());
        assertEquals(1000, emergency.severity());
        assertEquals("Emergency button pressed on RADIO-T2", emergency.message());
        assertEquals("RADIO-T2", emergency.sourceName());
        assertFalse(emergency.time().isBefore(pressed.minusSeconds(1)), emergency.time().toString());
        assertEquals("radio.emergency", emergency.kind().deviceEventType());
        assertEquals("gateway-event", emergency.attributes().get("source"));

        RadioAlert offline = listener.awaitAlert("RADIO-T3 offline", alert -> alert.kind() == RadioAlert.Kind.OFFLINE);
        assertEquals("RADIO-T3", offline.radioId());
        assertEquals(600, offline.severity());
        assertEquals("radio.offline", offline.kind().deviceEventType());
        assertEquals(2, listener.alerts().size());
    }

    @Test
    void eventTypesNotFoundLeaveDataOnly() throws Exception {
        server = startServer(freePort(), null, null, null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).eventTypes("PanicEventType", "").build());
        waitFor("a first snapshot", () -> !listener.changesOf("RADIO-T1").isEmpty());

        server.pressEmergencyButton("RADIO-T1");
        server.setStatus("RADIO-T1", 2);

        listener.awaitChange("RADIO-T1 dispatched", c -> "RADIO-T1".equals(c.radioId()) && Integer.valueOf(2).equals(c.statusCode()));
        assertEquals(List.of(), client.status().eventTypes());
        assertEquals(3 * RadioVariable.values().length, client.status().monitoredItems());
        assertEquals(List.of(), listener.alerts());
    }

    @Test
    void unmappedCodeIsReportedAsUnmapped() throws Exception {
        server = startServer(freePort(), null, null, null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).statusCodes("1=available").build());
        waitFor("a first snapshot", () -> !listener.changesOf("RADIO-T3").isEmpty());

        server.setStatus("RADIO-T3", 9);

        RadioSnapshot change = listener.awaitChange("code 9", c -> Integer.valueOf(9).equals(c.statusCode()));
        assertNull(change.unitStatus());
        assertEquals("unmapped", change.attributes().get("unitStatus"));
    }

    @Test
    void sendTextCallsGatewayMethod() throws Exception {
        server = startServer(freePort(), null, null, null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).build());
        waitFor("the gateway online", () -> client.status().state() == State.ONLINE && client.radio("RADIO-T1").isPresent());

        client.sendText("RADIO-T1", "Proceed to Mall Road");

        assertEquals(List.of("Proceed to Mall Road"), server.textsOf("RADIO-T1"));
        assertThrows(IllegalArgumentException.class, () -> client.sendText("RADIO-NONE", "x"));
    }

    @Test
    void restartedGatewayGetsNewSubscription() throws Exception {
        server = startServer(freePort(), null, null, null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).build());
        waitFor("a first snapshot of every radio", () -> RADIOS.stream().allMatch(id -> !listener.changesOf(id).isEmpty()));
        int changesBefore = listener.changes().size();

        server.stop();
        waitFor("the gateway reconnecting", () -> client.status().state() == State.RECONNECTING);
        assertTrue(listener.unreachable().containsAll(RADIOS));

        server.start();
        server.setStatus("RADIO-T1", 3);

        listener.awaitChange("RADIO-T1 en route after the restart", c -> "RADIO-T1".equals(c.radioId()) && Integer.valueOf(3).equals(c.statusCode()));
        waitFor("the gateway online again", () -> client.status().state() == State.ONLINE);
        assertEquals(1, client.status().reconnects());
        // The restarted gateway repeats the unchanged values of RADIO-T2 and RADIO-T3; they are not reported again.
        assertEquals(changesBefore + 1, listener.changes().size());

        // The event item came back with the new subscription.
        server.pressEmergencyButton("RADIO-T1");
        RadioAlert emergency = listener.awaitAlert("the emergency after the restart", alert -> alert.kind() == RadioAlert.Kind.EMERGENCY);
        assertEquals("RADIO-T1", emergency.radioId());
    }

    @Test
    void unreachableEndpointIsOffline() {
        client = start(TestConfigs.gateway("test", "opc.tcp://127.0.0.1:" + freePort() + "/none").build());

        waitFor("the gateway offline", () -> client.status().state() == State.OFFLINE);
        assertTrue(client.status().detail().contains("unreachable"), client.status().detail());
    }

    @Test
    void wrongPasswordIsOffline() throws Exception {
        server = startServer(freePort(), "dispatcher", "right-password", null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).user("dispatcher", "wrong-password").build());

        waitFor("the gateway offline", () -> client.status().state() == State.OFFLINE);
        assertTrue(client.status().detail().contains("user name or password"), client.status().detail());
        assertFalse(client.status().detail().contains("wrong-password"));
    }

    @Test
    void untrustedCertificateRejectedUntilTrusted() throws Exception {
        server = startServer(freePort(), "dispatcher", "secret-1", null);
        client = start(TestConfigs.gateway("test", server.endpointUrl()).security("Basic256Sha256", "SignAndEncrypt")
                .user("dispatcher", "secret-1").build());

        waitFor("the certificate rejected", () -> client.status().detail().contains("not trusted"));
        String detail = client.status().detail();
        String[] command = detail.substring(detail.indexOf("run: mv ") + "run: mv ".length()).split(" ");
        Path rejected = Path.of(command[0]);
        Path trusted = Path.of(command[1]);
        assertTrue(Files.exists(rejected), detail);

        Files.move(rejected, trusted.resolve(rejected.getFileName()));

        waitFor("the gateway online", () -> client.status().state() == State.ONLINE);
        waitFor("a first snapshot over the secured channel", () -> !listener.changesOf("RADIO-T1").isEmpty());
    }

    @Test
    void aesPolicyWithSignOnlyConnects() throws Exception {
        server = startServer(freePort(), null, null, null);
        Path trusted = securityFolder.resolve("pki/trusted/certs");
        Files.createDirectories(trusted);
        Files.write(trusted.resolve("gateway.der"), server.identity().certificate().getEncoded());
        client = start(TestConfigs.gateway("test", server.endpointUrl()).security("Aes128_Sha256_RsaOaep", "Sign").build());

        waitFor("the gateway online", () -> client.status().state() == State.ONLINE);
        assertEquals("Aes128_Sha256_RsaOaep/Sign", client.status().security());
    }

    @Test
    void userCertificateIdentityConnects() throws Exception {
        Path keystore = securityFolder.resolve("users.p12");
        X509Certificate accepted = writeUserKeystore(keystore, "dispatch-desk", "keystore-1");
        server = new RadioGatewayServer("127.0.0.1", freePort(), RADIOS, "dispatcher", "secret-1", null);
        server.acceptUserCertificate(accepted);
        server.start();
        trustGateway();
        client = start(TestConfigs.gateway("test", server.endpointUrl()).security("Basic256Sha256", "SignAndEncrypt")
                .certificate(keystore.toString(), "keystore-1", "dispatch-desk").build());

        waitFor("the gateway online", () -> client.status().state() == State.ONLINE);
        assertTrue(client.status().identity().contains("CN=RescueGrid dispatch desk"), client.status().identity());
        waitFor("a first snapshot with the user certificate", () -> !listener.changesOf("RADIO-T1").isEmpty());
    }

    @Test
    void unknownUserCertificateIsOffline() throws Exception {
        Path keystore = securityFolder.resolve("users.p12");
        writeUserKeystore(keystore, "dispatch-desk", "keystore-1");
        server = new RadioGatewayServer("127.0.0.1", freePort(), RADIOS, "dispatcher", "secret-1", null);
        server.acceptUserCertificate(writeUserKeystore(securityFolder.resolve("other.p12"), "other", "keystore-2"));
        server.start();
        trustGateway();
        client = start(TestConfigs.gateway("test", server.endpointUrl()).security("Basic256Sha256", "SignAndEncrypt")
                .certificate(keystore.toString(), "keystore-1", "dispatch-desk").build());

        waitFor("the gateway offline", () -> client.status().state() == State.OFFLINE);
        String detail = client.status().detail();
        assertTrue(detail.contains("rejected the user certificate"), detail);
        assertTrue(detail.contains("CN=RescueGrid dispatch desk"), detail);
    }

    /** Writes a keystore with one key entry and a self-signed user certificate, and returns the certificate. */
    static X509Certificate writeUserKeystore(Path file, String alias, String password) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("RescueGrid dispatch desk")
                .setOrganization("RescueGrid")
                .setApplicationUri("urn:rescuegrid:user:" + alias)
                .build();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, password.toCharArray());
        keyStore.setKeyEntry(alias, keyPair.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, password.toCharArray());
        }
        return certificate;
    }

    private void trustGateway() throws Exception {
        Path trusted = securityFolder.resolve("pki/trusted/certs");
        Files.createDirectories(trusted);
        Files.write(trusted.resolve("gateway.der"), server.identity().certificate().getEncoded());
    }

    private GatewayClient start(RadioGatewayConfig config) {
        GatewayClient started = new GatewayClient(RadioGatewaySettings.from(config), securityFolder, listener,
                Stack.sharedScheduledExecutor(), Stack.sharedExecutor());
        started.start();
        return started;
    }

    private static RadioGatewayServer startServer(int port, String username, String password, RadioGatewayServer.Identity identity)
            throws Exception {
        RadioGatewayServer started = new RadioGatewayServer("127.0.0.1", port, RADIOS, username, password, identity);
        started.start();
        return started;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
