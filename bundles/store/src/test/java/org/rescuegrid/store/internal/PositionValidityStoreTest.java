package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.api.position.FixValidity;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.api.position.StoredPosition;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The validity assessment as the store applies it: stored flags, latest position, resends and the HQ payload. */
class PositionValidityStoreTest {

    /** Node clock of the known fault: 12:04 UTC while a log recorded in the evening was replayed. */
    private static final Instant NOW = Instant.parse("2026-12-04T12:04:00Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private DerbyPositionStore positions;
    private DerbyOutbox outbox;

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        StoreDatabase database = new StoreDatabase(derby.dataSource());
        positions = new DerbyPositionStore(database, PositionValiditySettings.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
        outbox = new DerbyOutbox(database);
        DerbyDeviceStore devices = new DerbyDeviceStore(database);
        devices.upsert("GPS-LHR-102", "nmea", NOW);
        devices.assign("GPS-LHR-102", "AMB-LHR-102");
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    private static PositionFix fix(Instant time, double latitude, boolean valid) {
        return new PositionFix("GPS-LHR-102", time, latitude, 74.3436, 217.0, 0.0, null, 8, 1.1, valid);
    }

    @Test
    void misdatedReplayIsNotLatest() throws Exception {
        // The first epoch of the replayed log was GGA-only and dated from the node clock: 23:05:41 today,
        // 11 hours ahead. The next epochs carry the log's RMC date, 2025-03-14.
        StoredPosition future = positions.store(fix(Instant.parse("2026-12-04T23:05:41Z"), 31.55710, true));
        positions.store(fix(Instant.parse("2025-03-14T23:05:42Z"), 31.55712, true));
        StoredPosition last = positions.store(fix(Instant.parse("2025-03-14T23:05:43Z"), 31.55714, true));

        assertEquals(FixValidity.FUTURE, future.validity());
        assertEquals(FixValidity.VALID, last.validity());
        assertEquals(last.eventId(), positions.latest("AMB-LHR-102").orElseThrow().eventId());
        assertEquals(List.of(last.eventId()), positions.latestOfAll().stream().map(StoredPosition::eventId).toList());
        assertEquals("FUTURE", derby.queryString("SELECT validity FROM position_fix WHERE event_id = '" + future.eventId() + "'"));
        assertEquals("FUTURE", new ObjectMapper().readTree(outbox.peek(1).get(0).payload()).path("validity").asText());
    }

    @Test
    void everyFlagIsStored() {
        StoredPosition noFix = positions.store(fix(NOW.minusSeconds(100), 31.5, false));
        StoredPosition valid = positions.store(fix(NOW.minusSeconds(90), 31.5, true));
        StoredPosition future = positions.store(fix(NOW.plus(Duration.ofHours(1)), 31.5, true));
        StoredPosition jump = positions.store(fix(NOW.minusSeconds(80), 32.5, true));
        StoredPosition latest = positions.store(fix(NOW.minusSeconds(70), 31.5001, true));
        StoredPosition history = positions.store(fix(NOW.minusSeconds(85), 31.5, true));
        StoredPosition corrected = positions.store(fix(NOW.minusSeconds(60).minus(FixAssessor.GPS_WEEK_ERA), 31.5002, true));

        assertEquals(FixValidity.NO_FIX, noFix.validity());
        assertEquals(FixValidity.VALID, valid.validity());
        assertEquals(FixValidity.FUTURE, future.validity());
        assertEquals(FixValidity.IMPOSSIBLE_JUMP, jump.validity());
        assertEquals(FixValidity.VALID, latest.validity());
        assertEquals(FixValidity.HISTORY, history.validity());
        assertEquals(FixValidity.ROLLOVER_CORRECTED, corrected.validity());
        assertEquals(NOW.minusSeconds(60), corrected.fix().fixTime());
        assertEquals(corrected.eventId(), positions.latest("AMB-LHR-102").orElseThrow().eventId());
        assertEquals(7, positions.countForDevice("GPS-LHR-102"));
    }

    @Test
    void historyIsNotLatest() {
        StoredPosition live = positions.store(fix(NOW.minusSeconds(10), 31.5, true));
        StoredPosition buffered = positions.store(fix(NOW.minusSeconds(3600), 31.45, true));

        assertEquals(FixValidity.HISTORY, buffered.validity());
        assertEquals(live.eventId(), positions.latest("GPS-LHR-102").orElseThrow().eventId());
    }

    @Test
    void lastReceivedShowsFlaggedFix() {
        positions.store(fix(NOW.minusSeconds(10), 31.5, true));
        StoredPosition future = positions.store(fix(NOW.plus(Duration.ofHours(11)), 31.5, true));

        List<StoredPosition> lastReceived = positions.lastReceivedOfAll();

        assertEquals(1, lastReceived.size());
        assertEquals(future.eventId(), lastReceived.get(0).eventId());
        assertEquals(FixValidity.FUTURE, lastReceived.get(0).validity());
    }

    @Test
    void rolloverResendIsStoredOnce() {
        Instant reported = NOW.minusSeconds(30).minus(FixAssessor.GPS_WEEK_ERA);
        StoredPosition first = positions.store(fix(reported, 31.5, true));
        StoredPosition resent = positions.store(fix(reported, 31.5, true));

        assertEquals(first.eventId(), resent.eventId());
        assertEquals(FixValidity.ROLLOVER_CORRECTED, resent.validity());
        assertEquals(1, positions.countForDevice("GPS-LHR-102"));
    }
}
