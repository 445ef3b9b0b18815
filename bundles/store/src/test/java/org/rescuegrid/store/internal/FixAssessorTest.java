package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.FixValidity;
import org.rescuegrid.api.position.PositionFix;

class FixAssessorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final double LAT = 31.5204;
    private static final double LON = 74.3587;
    /** One degree of latitude in metres on the haversine sphere. */
    private static final double METERS_PER_DEGREE = 111_195.08;

    private final FixAssessor assessor = new FixAssessor(new PositionValiditySettings(Duration.ofSeconds(300), 300));
    private final Track track = new Track();

    private static PositionFix fix(Instant time, double latitude, boolean valid) {
        return new PositionFix("TRK-LHR-01", time, latitude, LON, 214.5, 36.2, 181.0, 9, 0.8, valid);
    }

    private FixValidity assess(PositionFix fix) {
        FixAssessor.Assessment assessment = assessor.assess(fix, NOW, track);
        track.add(assessment);
        return assessment.validity();
    }

    @Test
    void firstFixIsValid() {
        assertEquals(FixValidity.VALID, assess(fix(NOW.minusSeconds(2), LAT, true)));
    }

    @Test
    void receiverNoFixIsNoFix() {
        assertEquals(FixValidity.NO_FIX, assess(fix(NOW.minusSeconds(2), LAT, false)));
    }

    @Test
    void noFixWinsOverFuture() {
        assertEquals(FixValidity.NO_FIX, assess(fix(NOW.plus(Duration.ofHours(11)), LAT, false)));
    }

    @Test
    void aheadWithinToleranceIsValid() {
        assertEquals(FixValidity.VALID, assess(fix(NOW.plusSeconds(300), LAT, true)));
    }

    @Test
    void aheadBeyondToleranceIsFuture() {
        assertEquals(FixValidity.FUTURE, assess(fix(NOW.plusSeconds(301), LAT, true)));
    }

    @Test
    void ggaDatedElevenHoursAheadIsFuture() {
        // A replayed log recorded at 23:10 UTC, whose first GGA-only epoch was dated from a node clock
        // at 12:00 on the same day, and the RMC-dated fix of the next second.
        PositionFix misdated = fix(Instant.parse("2026-12-04T23:10:05Z"), LAT, true);
        PositionFix replayed = fix(Instant.parse("2025-03-14T23:10:06Z"), LAT, true);

        assertEquals(FixValidity.FUTURE, assess(misdated));
        assertEquals(FixValidity.VALID, assess(replayed), "a FUTURE fix must not make later fixes HISTORY");
    }

    @Test
    void speedAtLimitIsValid() {
        assess(fix(NOW.minusSeconds(60), LAT, true));
        // 300 km/h for 60 s is 5000 m; 4990 m keeps below the limit.
        PositionFix next = fix(NOW, LAT + 4990 / METERS_PER_DEGREE, true);

        assertEquals(FixValidity.VALID, assess(next));
    }

    @Test
    void speedAboveLimitIsJump() {
        assess(fix(NOW.minusSeconds(60), LAT, true));
        // 5100 m in 60 s is 306 km/h.
        PositionFix next = fix(NOW, LAT + 5100 / METERS_PER_DEGREE, true);

        assertEquals(FixValidity.IMPOSSIBLE_JUMP, assess(next));
    }

    @Test
    void shortJumpIsNeverFlagged() {
        assess(fix(NOW.minusSeconds(1), LAT, true));
        // 400 m in 1 s is 1440 km/h, but below the 500 m noise floor.
        PositionFix next = fix(NOW, LAT + 400 / METERS_PER_DEGREE, true);

        assertEquals(FixValidity.VALID, assess(next));
    }

    @Test
    void jumpComparesWithLastUsableFix() {
        assess(fix(NOW.minusSeconds(20), LAT, true));
        assertEquals(FixValidity.IMPOSSIBLE_JUMP, assess(fix(NOW.minusSeconds(10), LAT + 1, true)));

        assertEquals(FixValidity.VALID, assess(fix(NOW, LAT + 100 / METERS_PER_DEGREE, true)),
                "a fix near the last usable one is valid after a flagged outlier");
    }

    @Test
    void twoAgreeingJumpsMoveTheReference() {
        assess(fix(NOW.minusSeconds(20), LAT, true));
        assertEquals(FixValidity.IMPOSSIBLE_JUMP, assess(fix(NOW.minusSeconds(10), LAT + 1, true)));

        assertEquals(FixValidity.VALID, assess(fix(NOW, LAT + 1 + 100 / METERS_PER_DEGREE, true)));
        assertEquals(FixValidity.VALID, assess(fix(NOW.plusSeconds(1), LAT + 1 + 120 / METERS_PER_DEGREE, true)));
    }

    @Test
    void olderThanLatestIsHistory() {
        assess(fix(NOW.minusSeconds(10), LAT, true));

        assertEquals(FixValidity.HISTORY, assess(fix(NOW.minusSeconds(600), LAT + 0.01, true)));
    }

    @Test
    void historyIsCheckedForJumps() {
        assess(fix(NOW.minusSeconds(1200), LAT, true));
        assess(fix(NOW.minusSeconds(10), LAT, true));

        assertEquals(FixValidity.IMPOSSIBLE_JUMP, assess(fix(NOW.minusSeconds(1190), LAT + 1, true)));
    }

    @Test
    void olderThanFlaggedOnlyIsValid() {
        assess(fix(NOW.plus(Duration.ofHours(11)), LAT, true));

        assertEquals(FixValidity.VALID, assess(fix(NOW.minusSeconds(5), LAT, true)));
    }

    @Test
    void oneEraBackIsRolloverCorrected() {
        // 1024 weeks before 2026-12-04T11:59:50Z.
        Instant reported = Instant.parse("2007-04-20T11:59:50Z");
        FixAssessor.Assessment assessment = assessor.assess(fix(reported, LAT, true), NOW, track);

        assertEquals(Instant.parse("2026-12-04T11:59:50Z"), assessment.fix().fixTime());
        assertEquals(FixValidity.ROLLOVER_CORRECTED, assessment.validity());
        assertEquals(LAT, assessment.fix().latitude());
    }

    @Test
    void twoErasBackIsRolloverCorrected() {
        Instant reported = Instant.parse("2026-12-04T11:00:00Z").minus(FixAssessor.GPS_WEEK_ERA.multipliedBy(2));
        FixAssessor.Assessment assessment = assessor.assess(fix(reported, LAT, true), NOW, track);

        assertEquals(Instant.parse("1987-09-04T11:00:00Z"), reported);
        assertEquals(Instant.parse("2026-12-04T11:00:00Z"), assessment.fix().fixTime());
        assertEquals(FixValidity.ROLLOVER_CORRECTED, assessment.validity());
    }

    @Test
    void correctedIntoFutureIsFuture() {
        Instant reported = Instant.parse("2026-12-04T13:00:00Z").minus(FixAssessor.GPS_WEEK_ERA);
        FixAssessor.Assessment assessment = assessor.assess(fix(reported, LAT, true), NOW, track);

        assertEquals(Instant.parse("2026-12-04T13:00:00Z"), assessment.fix().fixTime());
        assertEquals(FixValidity.FUTURE, assessment.validity());
    }

    @Test
    void correctedOlderThanLatestIsHistory() {
        assess(fix(NOW.minusSeconds(10), LAT, true));
        Instant reported = NOW.minus(Duration.ofDays(2)).minus(FixAssessor.GPS_WEEK_ERA);

        assertEquals(FixValidity.HISTORY, assess(fix(reported, LAT, true)));
        assertEquals(NOW.minus(Duration.ofDays(2)), track.fixes.get(1).fix().fixTime());
    }

    @Test
    void oldDateOutsideEraWindowIsKept() {
        // A cold-started receiver's default date: no whole number of eras brings it near the node clock.
        PositionFix coldStart = fix(Instant.parse("1980-01-06T00:00:10Z"), LAT, true);

        assertSame(coldStart, assessor.correctRollover(coldStart, NOW));
        assertEquals(FixValidity.VALID, assess(coldStart));
    }

    @Test
    void recentDateIsNotCorrected() {
        PositionFix lastMonth = fix(NOW.minus(Duration.ofDays(29)), LAT, true);

        assertSame(lastMonth, assessor.correctRollover(lastMonth, NOW));
    }

    @Test
    void lowerSpeedLimitApplies() {
        FixAssessor strict = new FixAssessor(new PositionValiditySettings(Duration.ofSeconds(300), 100));
        track.add(new FixAssessor.Assessment(fix(NOW.minusSeconds(60), LAT, true), FixValidity.VALID));
        // 2000 m in 60 s is 120 km/h.
        PositionFix next = fix(NOW, LAT + 2000 / METERS_PER_DEGREE, true);

        assertEquals(FixValidity.IMPOSSIBLE_JUMP, strict.assess(next, NOW, track).validity());
    }

    @Test
    void distanceOfOneDegreeLatitude() {
        assertEquals(METERS_PER_DEGREE, FixAssessor.distanceMeters(31, 74, 32, 74), 0.5);
    }

    /** The stored fixes of one device, in memory. */
    private static final class Track implements FixAssessor.DeviceTrack {

        private final List<FixAssessor.Assessment> fixes = new ArrayList<>();

        void add(FixAssessor.Assessment assessment) {
            fixes.add(assessment);
        }

        @Override
        public Optional<FixAssessor.Previous> usableBefore(Instant time) {
            return newestBefore(time, true);
        }

        @Override
        public Optional<FixAssessor.Previous> anyBefore(Instant time) {
            return newestBefore(time, false);
        }

        @Override
        public boolean usableAfter(Instant time) {
            return fixes.stream().anyMatch(a -> a.validity().usable() && a.fix().fixTime().isAfter(time));
        }

        private Optional<FixAssessor.Previous> newestBefore(Instant time, boolean usableOnly) {
            return fixes.stream()
                    .filter(a -> !usableOnly || a.validity().usable())
                    .filter(a -> a.fix().fixTime().isBefore(time))
                    .max(Comparator.comparing(a -> a.fix().fixTime()))
                    .map(a -> new FixAssessor.Previous(a.fix().fixTime(), a.fix().latitude(), a.fix().longitude(), a.validity()));
        }
    }
}
