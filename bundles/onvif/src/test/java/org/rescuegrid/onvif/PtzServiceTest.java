package org.rescuegrid.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.onvif.internal.XmlElement;

class PtzServiceTest {

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
    void presetsDecoded() throws Exception {
        List<PtzPreset> presets = connection.ptz().getPresets("main");

        assertEquals(46, presets.size());
        assertEquals(new PtzPreset("P001", "P001"), presets.get(0));
        assertEquals(new PtzPreset("DarkAutoIROn", "DarkAutoIROn"), presets.get(20));
        assertEquals(new PtzPreset("Home2", "Home"), presets.get(45));
    }

    @Test
    void continuousMoveWritesVelocity() throws Exception {
        connection.ptz().continuousMove("main", 0.5, -0.25, 0, Duration.ofSeconds(2));

        XmlElement request = camera.lastRequest().path("Body", "ContinuousMove").orElseThrow();
        assertEquals("main", request.text("ProfileToken").orElseThrow());
        XmlElement panTilt = request.path("Velocity", "PanTilt").orElseThrow();
        assertEquals("0.5000", panTilt.attribute("x").orElseThrow());
        assertEquals("-0.2500", panTilt.attribute("y").orElseThrow());
        assertEquals("0.0000", request.path("Velocity", "Zoom").orElseThrow().attribute("x").orElseThrow());
        assertEquals("PT2S", request.text("Timeout").orElseThrow());
    }

    @Test
    void velocityOutOfRangeRejected() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> connection.ptz().continuousMove("main", 1.5, 0, 0, null));
        assertEquals("invalid pan velocity 1.5, expected -1 to 1", failure.getMessage());
    }

    @Test
    void stopAndGotoPresetSent() throws Exception {
        connection.ptz().stop("main");
        XmlElement stop = camera.lastRequest().path("Body", "Stop").orElseThrow();
        assertEquals("true", stop.text("PanTilt").orElseThrow());
        assertEquals("true", stop.text("Zoom").orElseThrow());

        connection.ptz().gotoPreset("main", "P003");
        XmlElement gotoPreset = camera.lastRequest().path("Body", "GotoPreset").orElseThrow();
        assertEquals("main", gotoPreset.text("ProfileToken").orElseThrow());
        assertEquals("P003", gotoPreset.text("PresetToken").orElseThrow());
    }

    @Test
    void statusDecoded() throws Exception {
        PtzStatus status = connection.ptz().getStatus("main");

        assertEquals(-0.864665985, status.pan(), 1e-9);
        assertEquals(0.267444015, status.tilt(), 1e-9);
        assertEquals(0.211861998, status.zoom(), 1e-9);
        assertEquals("IDLE", status.panTiltMove());
        assertEquals("IDLE", status.zoomMove());
        assertEquals(Instant.parse("2014-12-29T20:01:31Z"), status.utcTime());
    }
}
