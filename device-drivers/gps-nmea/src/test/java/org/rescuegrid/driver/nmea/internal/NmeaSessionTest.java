package org.rescuegrid.driver.nmea.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.PositionFix;

class NmeaSessionTest {

    private static final Clock MARCH_2022 = Clock.fixed(Instant.parse("2022-03-09T12:00:00Z"), ZoneOffset.UTC);
    private static final String RMC_19 = QuectelL70.line("$GPRMC,150119.000");
    private static final String GGA_19 = QuectelL70.line("$GPGGA,150119.000");
    private static final String RMC_20 = QuectelL70.line("$GPRMC,150120.000");
    private static final String GGA_20 = QuectelL70.line("$GPGGA,150120.000");
    private static final String RMC_21 = QuectelL70.line("$GPRMC,150121.000");

    private final RecordingRegistry registry = new RecordingRegistry();
    private EmbeddedChannel channel;

    private void open(TestNmeaDriverConfig config) {
        NmeaDriverSettings settings = NmeaDriverSettings.from(config.withMaxFrameLength(128));
        channel = new EmbeddedChannel(new NmeaFrameDecoder(settings.maxFrameLength()), new NmeaSession(settings, registry, MARCH_2022));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void send(String... lines) {
        for (String line : lines) {
            channel.writeInbound(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.ISO_8859_1));
        }
    }

    private List<PositionFix> fixes() {
        List<PositionFix> fixes = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            fixes.add((PositionFix) message);
        }
        return fixes;
    }

    private List<Instant> fixTimes() {
        return fixes().stream().map(PositionFix::fixTime).toList();
    }

    @Test
    void registrationModeWaitsForRegistration() {
        open(TestNmeaDriverConfig.defaults());

        send(RMC_19, GGA_19, RMC_20);

        assertEquals(List.of(), registry.calls);
        assertEquals(List.of(), fixes());
    }

    @Test
    void registrationLineRegistersDevice() {
        open(TestNmeaDriverConfig.defaults());

        send("$RGREG,VAN-017*3C");

        assertEquals(List.of("connected VAN-017 nmea"), registry.calls);
    }

    @Test
    void linesBeforeRegistrationDropped() {
        open(TestNmeaDriverConfig.defaults());

        send(RMC_19, GGA_19, "$RGREG,VAN-017", RMC_20, GGA_20, RMC_21);

        assertEquals(List.of(Instant.parse("2022-03-09T15:01:20Z")), fixTimes(), "the 15:01:19 epoch was sent before registration");
    }

    @Test
    void fixesPassedDownstream() {
        open(TestNmeaDriverConfig.defaults());

        send("$RGREG,VAN-017", RMC_19, GGA_19, RMC_20);

        List<PositionFix> fixes = fixes();
        assertEquals(1, fixes.size());
        PositionFix fix = fixes.get(0);
        assertEquals("VAN-017", fix.deviceId());
        assertEquals(Instant.parse("2022-03-09T15:01:19Z"), fix.fixTime());
        assertEquals(51.068098333, fix.latitude(), 1e-9);
        assertEquals(-114.095645, fix.longitude(), 1e-9);
        assertEquals(1102.4, fix.altitude(), 1e-9);
        assertEquals(8, fix.satellites());
        assertTrue(fix.valid());
    }

    @Test
    void registryToldOfContactAndFix() {
        open(TestNmeaDriverConfig.defaults());

        send("$RGREG,VAN-017", RMC_19, GGA_19, RMC_20);

        assertEquals(List.of("connected VAN-017 nmea", "contact VAN-017 nmea", "contact VAN-017 nmea",
                "contact VAN-017 nmea", "fixReceived VAN-017"), registry.calls);
    }

    @Test
    void invalidRegistrationIgnored() {
        open(TestNmeaDriverConfig.defaults());

        send("$RGREG,VAN 017", RMC_19, "$RGREG,VAN-017", RMC_20, RMC_21);

        assertEquals(List.of("connected VAN-017 nmea", "fixReceived VAN-017"), registry.callsWithoutContact());
        assertEquals(List.of(Instant.parse("2022-03-09T15:01:20Z")), fixTimes());
    }

    @Test
    void badChecksumCounted() {
        open(TestNmeaDriverConfig.defaults());
        String corrupted = RMC_19.replace("5104.0859", "5104.0860");

        send("$RGREG,VAN-017", corrupted);

        assertEquals(List.of("connected VAN-017 nmea", "error VAN-017 BAD_CHECKSUM"), registry.callsWithoutContact());
    }

    @Test
    void tooLongFrameCounted() {
        open(TestNmeaDriverConfig.defaults());

        send("$RGREG,VAN-017", "$GPTXT," + "X".repeat(200), RMC_19);

        assertEquals(List.of("connected VAN-017 nmea", "error VAN-017 FRAME_TOO_LONG"), registry.callsWithoutContact());
        assertTrue(channel.isOpen(), "a bad frame must not close the connection");
    }

    @Test
    void tooLongFrameBeforeRegistrationNotCounted() {
        open(TestNmeaDriverConfig.defaults());

        send("$GPTXT," + "X".repeat(200), "$RGREG,VAN-017");

        assertEquals(List.of("connected VAN-017 nmea"), registry.calls);
    }

    @Test
    void closeFlushesLastEpoch() {
        open(TestNmeaDriverConfig.defaults());
        send("$RGREG,VAN-017", RMC_19, GGA_19, RMC_20, GGA_20);
        assertEquals(1, fixes().size());

        channel.close();

        assertEquals(List.of(Instant.parse("2022-03-09T15:01:20Z")), fixTimes());
        List<String> calls = registry.callsWithoutContact();
        assertEquals(List.of("fixReceived VAN-017", "disconnected VAN-017"), calls.subList(calls.size() - 2, calls.size()));
    }

    @Test
    void closeBeforeRegistration() {
        open(TestNmeaDriverConfig.defaults());
        send(RMC_19, GGA_19);

        channel.close();

        assertEquals(List.of(), registry.calls);
        assertEquals(List.of(), fixes());
    }

    @Test
    void idleTimeoutClosesConnection() {
        open(TestNmeaDriverConfig.defaults());
        send("$RGREG,VAN-017", RMC_19);

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        channel.runPendingTasks();

        assertFalse(channel.isOpen());
        assertEquals(List.of(Instant.parse("2022-03-09T15:01:19Z")), fixTimes());
        assertEquals(1, registry.count("disconnected VAN-017"));
    }

    @Test
    void portModeUsesFixedId() {
        open(TestNmeaDriverConfig.port("TRK-LHR-01"));
        assertEquals(List.of("connected TRK-LHR-01 nmea"), registry.calls, "port mode registers on connect");

        send(RMC_19, GGA_19, RMC_20);
        channel.close();

        List<PositionFix> fixes = fixes();
        assertEquals(2, fixes.size());
        assertEquals("TRK-LHR-01", fixes.get(0).deviceId());
        assertEquals("TRK-LHR-01", fixes.get(1).deviceId());
        assertEquals("disconnected TRK-LHR-01", registry.calls.get(registry.calls.size() - 1));
    }

    @Test
    void portModeTreatsRegistrationAsData() {
        open(TestNmeaDriverConfig.port("TRK-LHR-01"));

        send("$RGREG,VAN-017", RMC_19);
        channel.close();

        assertEquals(List.of("TRK-LHR-01"), fixes().stream().map(PositionFix::deviceId).toList());
        assertEquals(0, registry.count("connected VAN-017 nmea"));
    }

    @Test
    void wholeRecordingOneFixPerEpoch() {
        open(TestNmeaDriverConfig.port("TRK-CGY-01"));
        String stream = QuectelL70.stream();
        Set<String> epochs = new TreeSet<>();
        for (String line : stream.split("\r\n")) {
            if (line.startsWith("$GPRMC,") || line.startsWith("$GPGGA,")) {
                epochs.add(line.split(",")[1]);
            }
        }

        channel.writeInbound(Unpooled.copiedBuffer(stream, StandardCharsets.ISO_8859_1));
        channel.close();

        List<PositionFix> fixes = fixes();
        assertEquals(epochs.size(), fixes.size());
        assertEquals(fixes.size(), registry.count("fixReceived TRK-CGY-01"));
        assertEquals(0, registry.calls.stream().filter(call -> call.startsWith("error ")).count(), registry.calls::toString);
    }
}
