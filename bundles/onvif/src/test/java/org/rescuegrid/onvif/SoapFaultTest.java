package org.rescuegrid.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoapFaultTest {

    /** A SOAP 1.1 fault of the form older cameras send. It was written for the test, not recorded. */
    private static final String SOAP_11_FAULT = """
            <?xml version="1.0"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
              <SOAP-ENV:Body>
                <SOAP-ENV:Fault>
                  <faultcode>SOAP-ENV:Client</faultcode>
                  <faultstring>Action not supported</faultstring>
                </SOAP-ENV:Fault>
              </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """;

    private HttpServer server;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OnvifConnection connection() {
        URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/device_service");
        return OnvifConnection.create(address, "admin", "9999", HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    @Test
    void recordedSoap12FaultDecoded() {
        // The recorded fault uses the prefix SOAP-ENV without declaring it and an XML declaration
        // with typographic quotes, as some cameras send.
        status = 500;
        body = FixtureCamera.read("Error.xml");

        OnvifFaultException fault = assertThrows(OnvifFaultException.class,
                () -> connection().device().getDeviceInformation());

        assertEquals("1.2", fault.soapVersion());
        assertEquals("fault code", fault.code());
        assertEquals(List.of("ter:fault subcode", "ter:fault subcode"), fault.subcodes());
        assertEquals("fault reason", fault.reason());
        assertEquals(500, fault.httpStatus());
        assertFalse(fault.isAuthenticationFailure());
    }

    @Test
    void faultWithHttpOkStillFault() {
        status = 200;
        body = FixtureCamera.read("Error.xml");

        assertThrows(OnvifFaultException.class, () -> connection().device().getDeviceInformation());
    }

    @Test
    void soap11FaultDecoded() {
        status = 500;
        body = SOAP_11_FAULT;

        OnvifFaultException fault = assertThrows(OnvifFaultException.class,
                () -> connection().media().getProfiles());

        assertEquals("1.1", fault.soapVersion());
        assertEquals("SOAP-ENV:Client", fault.code());
        assertEquals(List.of(), fault.subcodes());
        assertEquals("Action not supported", fault.reason());
    }

    @Test
    void http401WithoutBodyIsAuthenticationFailure() {
        status = 401;
        body = "";

        OnvifHttpException failure = assertThrows(OnvifHttpException.class,
                () -> connection().device().getDeviceInformation());

        assertEquals(401, failure.status());
        assertTrue(failure.isAuthenticationFailure());
    }

    @Test
    void htmlErrorPageIsHttpException() {
        status = 404;
        body = "<html><body>Not Found</body></html>";

        OnvifHttpException failure = assertThrows(OnvifHttpException.class,
                () -> connection().device().getDeviceInformation());

        assertEquals(404, failure.status());
        assertFalse(failure.isAuthenticationFailure());
    }

    @Test
    void garbageWithHttpOkIsOnvifException() {
        status = 200;
        body = "not xml";

        OnvifException failure = assertThrows(OnvifException.class,
                () -> connection().device().getDeviceInformation());

        assertTrue(failure.getMessage().startsWith("GetDeviceInformation to http://127.0.0.1:"), failure.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OnvifConnection connection = OnvifConnection.create(URI.create("http://127.0.0.1:" + port + "/onvif/device_service"),
                "admin", "9999", HttpClient.newHttpClient(), Duration.ofSeconds(2));

        assertThrows(OnvifUnreachableException.class, () -> connection.device().getSystemDateAndTime());
    }
}
