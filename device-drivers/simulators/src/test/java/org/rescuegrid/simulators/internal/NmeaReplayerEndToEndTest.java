package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the replayer against a TCP listener on 127.0.0.1 in place of the NMEA driver. */
class NmeaReplayerEndToEndTest {

    /** Bound for every wait. Each wait ends as soon as its condition is met. */
    private static final int TIMEOUT_MILLIS = 15_000;

    private final NmeaReplayer replayer = new NmeaReplayer();

    @AfterEach
    void stopReplayer() {
        replayer.deactivate();
    }

    /** quectel-L70.log is plain NMEA with CR LF, and quectel-l76k-dual.log interleaves binary packets. */
    @ParameterizedTest
    @ValueSource(strings = {"quectel-L70.log", "quectel-l76k-dual.log"})
    void sendsRegistrationThenLogThenReconnects(String logName) throws Exception {
        try (ServerSocket server = listen()) {
            replayer.start(config(server, "E2E-01=" + logName).build(), Fixtures.catalog());

            try (Socket first = accept(server)) {
                InputStream in = first.getInputStream();
                assertEquals("$RGREG,E2E-01\r\n", readLine(in));

                byte[] expected = Fixtures.expectedPass(logName);
                byte[] received = in.readNBytes(expected.length);
                assertEquals(lines(expected), lines(received), "lines of the first pass");
                assertArrayEquals(expected, received, "bytes of the first pass");
            }

            // The listener has closed the first connection, so the replayer must notice and connect again.
            try (Socket second = accept(server)) {
                assertEquals("$RGREG,E2E-01\r\n", readLine(second.getInputStream()));
            }
        }
    }

    @Test
    void retriesUntilListenerStarts() throws Exception {
        int port;
        try (ServerSocket reserved = listen()) {
            port = reserved.getLocalPort();
        }
        replayer.start(TestConfigs.defaults()
                .set("port", port)
                .set("vehicles", new String[] {"LATE-01=tn204.log"})
                .set("relocate", new String[0])
                .build(), Fixtures.catalog());

        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            try (Socket connection = accept(server)) {
                assertEquals("$RGREG,LATE-01\r\n", readLine(connection.getInputStream()));
            }
        }
    }

    @Test
    void withoutLoopClosesAfterOnePass() throws Exception {
        try (ServerSocket server = listen()) {
            replayer.start(config(server, "ONCE-01=tn204.log").set("loop", false).set("speedup", 1000.0).build(),
                    Fixtures.catalog());

            try (Socket connection = accept(server)) {
                InputStream in = connection.getInputStream();
                assertEquals("$RGREG,ONCE-01\r\n", readLine(in));
                assertArrayEquals(Fixtures.expectedPass("tn204.log"), in.readAllBytes());
            }
        }
    }

    @Test
    void deactivateClosesConnectionsAndThreads() throws Exception {
        try (ServerSocket server = listen()) {
            replayer.start(config(server, "STOP-01=quectel-L70.log", "STOP-02=tn204.log").build(), Fixtures.catalog());
            try (Socket first = accept(server); Socket second = accept(server)) {
                readLine(first.getInputStream());
                readLine(second.getInputStream());

                long started = System.nanoTime();
                replayer.deactivate();
                long stopMillis = (System.nanoTime() - started) / 1_000_000;

                assertTrue(stopMillis < 1_000, "deactivate took " + stopMillis + " ms");
                assertEquals(-1, drain(first.getInputStream()), "first connection reaches end of stream");
                assertEquals(-1, drain(second.getInputStream()), "second connection reaches end of stream");
                awaitTrue(() -> replayThreads().isEmpty(), "replay threads end: " + replayThreads());
            }
        }
    }

    @Test
    void disabledReplayIgnoresInvalidVehicles() {
        replayer.start(TestConfigs.defaults()
                .set("enabled", false)
                .set("vehicles", new String[] {"no equals sign"})
                .build(), Fixtures.catalog());

        assertEquals(List.of(), replayThreads());
    }

    private static TestConfigs.Builder config(ServerSocket server, String... vehicles) {
        return TestConfigs.defaults()
                .set("host", "127.0.0.1")
                .set("port", server.getLocalPort())
                .set("vehicles", vehicles)
                .set("relocate", new String[0])
                .set("speedup", 50.0);
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }

    private static Socket accept(ServerSocket server) throws IOException {
        Socket socket = server.accept();
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    /** Reads one line including its CR LF, failing on end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                fail("connection closed after " + line.size() + " bytes of a line");
            }
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            previous = b;
        }
    }

    /** Reads until end of stream and returns -1, or fails when the socket read times out. */
    private static int drain(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // Epochs sent before the stop are still buffered.
            }
            return -1;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("connection still open after " + TIMEOUT_MILLIS + " ms", e);
        }
    }

    private static List<String> lines(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n", -1));
    }

    private static List<String> replayThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(NmeaReplayer.THREAD_NAME_PREFIX) && thread.isAlive()) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    private static void awaitTrue(BooleanSupplier condition, String description) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT_MILLIS + " ms waiting for: " + description);
            }
            Thread.sleep(20);
        }
    }
}
