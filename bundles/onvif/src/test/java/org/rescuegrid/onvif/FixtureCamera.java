package org.rescuegrid.onvif;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.rescuegrid.onvif.internal.UsernameToken;
import org.rescuegrid.onvif.internal.XmlDocuments;
import org.rescuegrid.onvif.internal.XmlElement;

/**
 * An HTTP server on 127.0.0.1 that responds to each SOAP operation with a recorded response of a real
 * camera from {@code fixtures/onvif}, and checks UsernameTokens the way cameras do: the digest
 * must match the password and {@code Created} must lie within five minutes of the camera's clock.
 * The camera's clock starts at the time its recorded GetSystemDateAndTime reports.
 */
final class FixtureCamera implements AutoCloseable {

    static final Path DIRECTORY = Path.of("../../fixtures/onvif");
    static final String USERNAME = "admin";
    /** The password that reproduces the digests recorded in the fixtures' request headers. */
    static final String PASSWORD = "9999";
    static final Instant CAMERA_CLOCK_START = Instant.parse("2014-12-24T19:14:37Z");
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final List<String> FILE_PREFIXES = List.of("", "device.", "media.", "ptz.", "events.");

    private final HttpServer server;
    private final Clock cameraClock;
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final List<XmlElement> requests = new CopyOnWriteArrayList<>();

    FixtureCamera() throws IOException {
        cameraClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), CAMERA_CLOCK_START));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI deviceAddress() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service");
    }

    int port() {
        return server.getAddress().getPort();
    }

    OnvifConnection connect(String password) {
        return OnvifConnection.create(deviceAddress(), USERNAME, password,
                java.net.http.HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    /** Responds to {@code operation} with another fixture file, such as {@code Error.xml}. */
    void respond(String operation, String fixtureFile) {
        overrides.put(operation, fixtureFile);
    }

    /** Returns the envelopes received so far, oldest first. */
    List<XmlElement> requests() {
        return requests;
    }

    XmlElement lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            XmlElement envelope = XmlDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            requests.add(envelope);
            XmlElement operation = envelope.child("Body").orElseThrow().children().get(0);
            String name = operation.localName();
            if (!name.equals("GetSystemDateAndTime") && !authenticated(envelope)) {
                reply(exchange, 400, NOT_AUTHORIZED);
                return;
            }
            reply(exchange, 200, read(overrides.getOrDefault(name, fixtureFor(name))));
        } catch (Exception e) {
            reply(exchange, 500, "");
        }
    }

    private boolean authenticated(XmlElement envelope) {
        Optional<XmlElement> token = envelope.path("Header", "Security", "UsernameToken");
        if (token.isEmpty()) {
            return false;
        }
        String created = token.get().text("Created").orElse("");
        String nonce = token.get().text("Nonce").orElse("");
        String digest = token.get().text("Password").orElse("");
        Duration skew = Duration.between(Instant.parse(created), cameraClock.instant()).abs();
        return skew.compareTo(MAX_CLOCK_SKEW) <= 0 && UsernameToken.digest(nonce, created, PASSWORD).equals(digest);
    }

    private static String fixtureFor(String operation) {
        for (String prefix : FILE_PREFIXES) {
            if (Files.exists(DIRECTORY.resolve(prefix + operation + ".xml"))) {
                return prefix + operation + ".xml";
            }
        }
        throw new IllegalArgumentException("no fixture for operation " + operation);
    }

    static String read(String fixtureFile) {
        try {
            return Files.readString(DIRECTORY.resolve(fixtureFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A SOAP 1.2 fault as ONVIF specifies it for a rejected token. It was written for the test, not recorded. */
    private static final String NOT_AUTHORIZED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error">
              <env:Body>
                <env:Fault>
                  <env:Code>
                    <env:Value>env:Sender</env:Value>
                    <env:Subcode><env:Value>ter:NotAuthorized</env:Value></env:Subcode>
                  </env:Code>
                  <env:Reason><env:Text xml:lang="en">Sender not Authorized</env:Text></env:Reason>
                </env:Fault>
              </env:Body>
            </env:Envelope>
            """;
}
