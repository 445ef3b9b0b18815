package org.rescuegrid.driver.radio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rescuegrid.driver.radio.internal.RecordingListener.waitFor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.stack.core.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.driver.radio.internal.GatewayStatus.State;

/**
 * The driver against node-opcua, an OPC UA server that shares no code with Milo, started by the test on
 * 127.0.0.1 with Basic256Sha256/SignAndEncrypt and a user name. Besides status changes it raises the radio
 * events, and it accepts the event filter where clause that Milo 1.1.2 servers reject. The module's build
 * installs node-opcua with {@code npm ci} in {@code src/test/node} before the tests run.
 */
class NodeOpcuaInteropTest {

    private static final Path NODE_FOLDER = Path.of("src/test/node");

    @TempDir
    Path securityFolder;

    @TempDir
    Path serverFolder;

    private final RecordingListener listener = new RecordingListener();
    private final List<String> serverOutput = new CopyOnWriteArrayList<>();
    private Process server;
    private Writer serverInput;
    private GatewayClient client;

    @AfterEach
    void stopAll() throws Exception {
        if (client != null) {
            client.stop();
        }
        stopServer();
    }

    @Test
    void securedGatewayRestartLosesNoChange() throws Exception {
        boolean installed = Files.isDirectory(NODE_FOLDER.resolve("node_modules/node-opcua"));
        assertTrue(installed, "node-opcua is not installed; run npm ci in " + NODE_FOLDER.toAbsolutePath());

        int port = freePort();
        String url = startServer(port);
        client = new GatewayClient(RadioGatewaySettings.from(TestConfigs.gateway("node", url)
                .security("Basic256Sha256", "SignAndEncrypt").user("dispatcher", "interop-1").build()),
                securityFolder, listener, Stack.sharedScheduledExecutor(), Stack.sharedExecutor());
        client.start();

        // The first connection rejects node-opcua's certificate; trusting it with the command from the log line lets the retry in.
        waitFor("the certificate rejected", () -> client.status().detail().contains("not trusted"));
        String detail = client.status().detail();
        String[] command = detail.substring(detail.indexOf("run: mv ") + "run: mv ".length()).split(" ");
        Files.move(Path.of(command[0]), Path.of(command[1]).resolve(Path.of(command[0]).getFileName()));
        waitFor("a first snapshot of RADIO-N1", () -> !listener.changesOf("RADIO-N1").isEmpty());
        assertEquals(State.ONLINE, client.status().state());
        assertEquals(UnitStatus.AVAILABLE, listener.changesOf("RADIO-N1").get(0).unitStatus());

        send("status RADIO-N1 3");
        listener.awaitChange("RADIO-N1 en route", c -> "RADIO-N1".equals(c.radioId()) && Integer.valueOf(3).equals(c.statusCode()));

        send("emergency RADIO-N2");
        RadioAlert emergency = listener.awaitAlert("the emergency of RADIO-N2", alert -> alert.kind() == RadioAlert.Kind.EMERGENCY);
        assertEquals("RADIO-N2", emergency.radioId());
        assertEquals(1000, emergency.severity());
        assertEquals("Emergency button pressed on RADIO-N2", emergency.message());

        client.sendText("RADIO-N2", "Return to station");
        waitFor("the text at the gateway", () -> serverOutput.contains("TEXT RADIO-N2 Return to station"));

        stopServer();
        waitFor("the gateway reconnecting", () -> client.status().state() == State.RECONNECTING);
        startServer(port);
        // The restarted gateway starts every radio at status 1; once that is reported the subscription is back.
        listener.awaitChange("RADIO-N1 available after the restart", c -> "RADIO-N1".equals(c.radioId())
                && Integer.valueOf(1).equals(c.statusCode()) && listener.changesOf("RADIO-N1").size() > 2);
        int before = listener.changesOf("RADIO-N1").size();

        for (int code = 4; code <= 6; code++) {
            send("status RADIO-N1 " + code);
            Thread.sleep(400);
        }

        waitFor("three more changes of RADIO-N1", () -> listener.changesOf("RADIO-N1").size() >= before + 3);
        List<Integer> codes = listener.changesOf("RADIO-N1").subList(before, before + 3).stream().map(RadioSnapshot::statusCode).toList();
        assertEquals(List.of(4, 5, 6), codes);
        assertEquals(1, client.status().reconnects());

        // The event item came back with the subscription after the restart.
        send("offline RADIO-N3");
        RadioAlert offline = listener.awaitAlert("RADIO-N3 offline", alert -> alert.kind() == RadioAlert.Kind.OFFLINE);
        assertEquals("RADIO-N3", offline.radioId());
        assertEquals(600, offline.severity());
        assertEquals(1, listener.alerts().stream().filter(alert -> alert.kind() == RadioAlert.Kind.EMERGENCY).count());
    }

    @Test
    void userCertificateIdentityConnects() throws Exception {
        boolean installed = Files.isDirectory(NODE_FOLDER.resolve("node_modules/node-opcua"));
        assertTrue(installed, "node-opcua is not installed; run npm ci in " + NODE_FOLDER.toAbsolutePath());
        Path keystore = securityFolder.resolve("users.p12");
        GatewayClientTest.writeUserKeystore(keystore, "dispatch-desk", "keystore-1");

        String url = startServer(freePort());
        client = new GatewayClient(RadioGatewaySettings.from(TestConfigs.gateway("node", url)
                .security("Basic256Sha256", "SignAndEncrypt").certificate(keystore.toString(), "keystore-1", "dispatch-desk").build()),
                securityFolder, listener, Stack.sharedScheduledExecutor(), Stack.sharedExecutor());
        client.start();

        waitFor("the certificate rejected", () -> client.status().detail().contains("not trusted"));
        String detail = client.status().detail();
        String[] command = detail.substring(detail.indexOf("run: mv ") + "run: mv ".length()).split(" ");
        Files.move(Path.of(command[0]), Path.of(command[1]).resolve(Path.of(command[0]).getFileName()));

        // node-opcua checks the user token signature over its nonce, then accepts the unknown user certificate.
        waitFor("a first snapshot of RADIO-N1 with the user certificate", () -> !listener.changesOf("RADIO-N1").isEmpty());
        assertEquals(State.ONLINE, client.status().state());
        assertTrue(client.status().identity().contains("CN=RescueGrid dispatch desk"), client.status().identity());
    }

    private String startServer(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "--security-revert=CVE-2023-46809", "radio-gateway.js", String.valueOf(port),
                serverFolder.toString(), "3", "dispatcher", "interop-1")
                .directory(NODE_FOLDER.toFile())
                .redirectErrorStream(true);
        server = builder.start();
        serverInput = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8);
        Process started = server;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    serverOutput.add(line);
                }
            } catch (IOException e) {
                serverOutput.add("READ FAILED " + e.getMessage());
            }
        }, "node-opcua-output");
        reader.setDaemon(true);
        reader.start();
        waitFor("node-opcua to listen on port " + port + " (output: " + serverOutput + ")",
                () -> serverOutput.stream().anyMatch(line -> line.startsWith("READY ")) || !started.isAlive());
        assertTrue(started.isAlive(), "node-opcua exited: " + serverOutput);
        String ready = serverOutput.stream().filter(line -> line.startsWith("READY ")).reduce((a, b) -> b).orElseThrow();
        serverOutput.removeIf(line -> line.startsWith("READY "));
        return ready.substring("READY ".length());
    }

    private void send(String command) throws IOException {
        serverInput.write(command + "\n");
        serverInput.flush();
    }

    private void stopServer() throws Exception {
        if (server == null) {
            return;
        }
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        server = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
