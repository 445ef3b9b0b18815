package org.rescuegrid.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.onvif.internal.XmlElement;

class MediaServiceTest {

    private FixtureCamera camera;
    private OnvifConnection connection;

    @BeforeEach
    void start() throws Exception {
        camera = new FixtureCamera();
        connection = camera.connect(FixtureCamera.PASSWORD);
        connection.device().synchronizeClock();
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    @Test
    void profilesDecoded() throws Exception {
        List<MediaProfile> profiles = connection.media().getProfiles();

        assertEquals(1, profiles.size());
        MediaProfile main = profiles.get(0);
        assertEquals("main", main.token());
        assertEquals("main", main.name());
        assertEquals("vidsrc0", main.videoSourceToken());
        assertEquals("H264", main.videoEncoding());
        assertEquals(1920, main.width());
        assertEquals(1080, main.height());
        assertTrue(main.hasPtz());
        assertEquals("default", main.ptzConfigurationToken());
    }

    @Test
    void streamUriDecoded() throws Exception {
        MediaUri stream = connection.media().getStreamUri("main");

        assertEquals(URI.create("rtsp://127.0.0.1/h264main"), stream.uri());
        assertFalse(stream.invalidAfterConnect());
        assertFalse(stream.invalidAfterReboot());
        assertEquals(Duration.ZERO, stream.timeout());
        XmlElement request = camera.lastRequest().path("Body", "GetStreamUri").orElseThrow();
        assertEquals("main", request.text("ProfileToken").orElseThrow());
        assertEquals("RTP-Unicast", request.text("StreamSetup", "Stream").orElseThrow());
        assertEquals("RTSP", request.text("StreamSetup", "Transport", "Protocol").orElseThrow());
    }

    @Test
    void snapshotUriKeepsQueryAndPort() throws Exception {
        MediaUri snapshot = connection.media().getSnapshotUri("main");

        assertEquals(URI.create("http://127.0.0.1/onvif-cgi/jpg/image.cgi?resolution=800x600&compression=20&camera=1"),
                snapshot.uri());
        assertEquals("http://127.0.0.1/onvif-cgi/jpg/image.cgi?resolution=800x600&compression=20&camera=1",
                snapshot.reported());
    }
}
