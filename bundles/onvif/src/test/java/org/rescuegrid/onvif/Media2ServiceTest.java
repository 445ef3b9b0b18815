package org.rescuegrid.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media2 client against a camera on 127.0.0.1 that serves responses written after the ONVIF
 * media2 WSDL (ver20/media). No recorded media2 response of a real camera is available in
 * fixtures/onvif, so these responses are hand-written, with the prefixes and the private address
 * a camera would use.
 */
class Media2ServiceTest {

    private static final String ENVELOPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema" \
            xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tr2="http://www.onvif.org/ver20/media/wsdl">\
            <env:Body>%s</env:Body></env:Envelope>""";
    private static final Map<String, String> RESPONSES = Map.of(
            "GetServices", """
                    <tds:GetServicesResponse>\
                    <tds:Service><tds:Namespace>http://www.onvif.org/ver10/device/wsdl</tds:Namespace>\
                    <tds:XAddr>http://192.168.1.64/onvif/device_service</tds:XAddr>\
                    <tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>\
                    <tds:Service><tds:Namespace>http://www.onvif.org/ver20/media/wsdl</tds:Namespace>\
                    <tds:XAddr>http://192.168.1.64/onvif/Media2</tds:XAddr>\
                    <tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>\
                    </tds:GetServicesResponse>""",
            "GetProfiles", """
                    <tr2:GetProfilesResponse>\
                    <tr2:Profiles token="Profile_1" fixed="true"><tr2:Name>mainStream</tr2:Name><tr2:Configurations>\
                    <tr2:VideoSource token="VideoSourceToken"><tt:Name>VideoSourceConfig</tt:Name><tt:UseCount>2</tt:UseCount>\
                    <tt:SourceToken>VideoSource_1</tt:SourceToken><tt:Bounds x="0" y="0" width="2688" height="1520"/></tr2:VideoSource>\
                    <tr2:VideoEncoder token="VideoEncoderToken_1" GovLength="50" Profile="Main"><tt:Name>VideoEncoder_1</tt:Name>\
                    <tt:UseCount>1</tt:UseCount><tt:Encoding>H265</tt:Encoding><tt:Resolution><tt:Width>2688</tt:Width>\
                    <tt:Height>1520</tt:Height></tt:Resolution><tt:Quality>5</tt:Quality></tr2:VideoEncoder>\
                    <tr2:PTZ token="PTZToken"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount><tt:NodeToken>PTZNODETOKEN</tt:NodeToken></tr2:PTZ>\
                    </tr2:Configurations></tr2:Profiles>\
                    <tr2:Profiles token="Profile_2" fixed="true"><tr2:Name>subStream</tr2:Name><tr2:Configurations>\
                    <tr2:VideoSource token="VideoSourceToken"><tt:SourceToken>VideoSource_1</tt:SourceToken></tr2:VideoSource>\
                    </tr2:Configurations></tr2:Profiles>\
                    </tr2:GetProfilesResponse>""",
            "GetStreamUri", "<tr2:GetStreamUriResponse><tr2:Uri>rtsp://192.168.1.64:554/Streaming/Channels/101</tr2:Uri></tr2:GetStreamUriResponse>",
            "GetSnapshotUri", "<tr2:GetSnapshotUriResponse><tr2:Uri>http://192.168.1.64/ISAPI/Streaming/channels/101/picture</tr2:Uri></tr2:GetSnapshotUriResponse>");

    private HttpServer server;
    private OnvifConnection connection;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        connection = OnvifConnection.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/onvif/device_service"), "", "", HttpClient.newHttpClient(), Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void media2AddressFromGetServices() throws Exception {
        Optional<URI> address = connection.device().loadMedia2Address();

        URI expected = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onvif/Media2");
        assertEquals(Optional.of(expected), address);
        assertTrue(connection.hasService(OnvifServiceType.MEDIA2));
        assertEquals(expected, connection.serviceAddress(OnvifServiceType.MEDIA2));
    }

    @Test
    void profilesDecoded() throws Exception {
        connection.device().loadMedia2Address();

        List<MediaProfile> profiles = connection.media2().getProfiles();

        assertEquals(2, profiles.size());
        MediaProfile main = profiles.get(0);
        assertEquals("Profile_1", main.token());
        assertEquals("mainStream", main.name());
        assertEquals("VideoSource_1", main.videoSourceToken());
        assertEquals("H265", main.videoEncoding());
        assertEquals(2688, main.width());
        assertEquals(1520, main.height());
        assertEquals("PTZToken", main.ptzConfigurationToken());
        MediaProfile sub = profiles.get(1);
        assertEquals("", sub.videoEncoding());
        assertEquals(0, sub.width());
        assertNull(sub.ptzConfigurationToken());
        String request = requests.get(requests.size() - 1);
        assertTrue(request.contains("/onvif/Media2 "), request);
        assertTrue(request.contains("<tr2:Type>VideoEncoder</tr2:Type>"), request);
    }

    @Test
    void streamAndSnapshotUrisRewritten() throws Exception {
        connection.device().loadMedia2Address();

        MediaUri stream = connection.media2().getStreamUri("Profile_1");
        String streamRequest = requests.get(requests.size() - 1);
        MediaUri snapshot = connection.media2().getSnapshotUri("Profile_1");

        assertEquals(URI.create("rtsp://127.0.0.1:554/Streaming/Channels/101"), stream.uri());
        assertEquals("rtsp://192.168.1.64:554/Streaming/Channels/101", stream.reported());
        assertFalse(stream.invalidAfterConnect());
        assertEquals(Duration.ZERO, stream.timeout());
        assertTrue(streamRequest.contains("<tr2:Protocol>RTSP</tr2:Protocol>"), streamRequest);
        assertTrue(streamRequest.contains("<tr2:ProfileToken>Profile_1</tr2:ProfileToken>"), streamRequest);
        assertEquals("127.0.0.1", snapshot.uri().getHost());
        assertEquals("/ISAPI/Streaming/channels/101/picture", snapshot.uri().getPath());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestURI().getPath() + " " + request);
        String body = RESPONSES.entrySet().stream().filter(entry -> request.contains(":" + entry.getKey() + ">")
                || request.contains(":" + entry.getKey() + "/>")).map(Map.Entry::getValue).findFirst().orElse("<x/>");
        byte[] bytes = ENVELOPE.formatted(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
