package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.rescuegrid.api.position.PositionFix;

/**
 * Merger of the RMC, GGA, VTG and GLL sentences of one connection into one {@link PositionFix}
 * per epoch. Not thread-safe: use one instance per connection.
 *
 * <p>An epoch is the set of sentences with the same UTC time of day. VTG has no time and joins
 * the epoch in progress. An epoch ends when a sentence with another time arrives, or on
 * {@link #flush()}. It yields a fix only if some sentence gave a position. Sentences with an
 * empty time still count as decoded, but cannot be placed in an epoch and are not merged.
 *
 * <p>The fix date comes from an RMC of the same epoch. Without one, the date is chosen so that
 * the time is nearest to the previous RMC-dated epoch of this connection. Epochs that end before
 * the connection has sent any RMC date are held, up to {@link #MAX_UNDATED_EPOCHS}, and dated
 * from the first RMC date that follows. Only when that many epochs passed without one (a GGA-only
 * receiver), or the connection ends first, are they dated nearest to the clock's current time,
 * which is right only for live data. See {@link FixDates#nearestDate} for the midnight case.
 */
public final class EpochAssembler {

    /**
     * Maximum number of epochs held while a connection has sent no RMC date. Receivers send RMC every epoch or
     * every few seconds, so at one epoch per second 30 leaves a wide margin for a stream that starts
     * in the middle of an epoch or misses one RMC.
     */
    static final int MAX_UNDATED_EPOCHS = 30;

    private final NmeaDecoder decoder;
    private final Clock clock;
    private String deviceId;
    private Epoch current;
    // Fix time of the last epoch dated by an RMC, directly or through this chain. Each dated
    // epoch moves it forward, so a GGA-only stretch keeps its date across midnight.
    private Instant rmcDatedReference;
    // Epochs with a position that ended before any RMC date, oldest first.
    private final List<Epoch> undated = new ArrayList<>();
    // Set once MAX_UNDATED_EPOCHS passed without an RMC date: later undated epochs go by the clock.
    private boolean datingFromClock;

    /**
     * Creates an assembler with a default {@link NmeaDecoder}.
     *
     * @param deviceId id stamped on emitted fixes until {@link #setDeviceId} changes it
     * @param clock source of today's date for streams without RMC
     */
    public EpochAssembler(String deviceId, Clock clock) {
        this(deviceId, clock, new NmeaDecoder());
    }

    public EpochAssembler(String deviceId, Clock clock, NmeaDecoder decoder) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * Changes the device id, for example when a registration line arrives after the first
     * sentences. The id is stamped when a fix is emitted, so the epoch in progress gets the new id.
     */
    public void setDeviceId(String deviceId) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    }

    public String deviceId() {
        return deviceId;
    }

    /**
     * Decodes one received line and merges it. Returns the decode result and, when the line
     * starts a new epoch, the fix of the epoch it ended. Throws nothing for any line content.
     */
    public LineOutcome accept(String line) {
        DecodeResult result = decoder.decode(line);
        if (result instanceof DecodeResult.Decoded decoded) {
            return new LineOutcome(result, add(decoded.sentence()));
        }
        return new LineOutcome(result, List.of());
    }

    /**
     * Merges one decoded sentence. Returns the fixes completed when this sentence starts a new
     * epoch, oldest first.
     */
    List<PositionFix> add(NmeaSentence sentence) {
        LocalTime time = timeOf(sentence);
        if (time == null) {
            if (sentence instanceof VtgSentence && current != null) {
                current.add(sentence);
            }
            return List.of();
        }

        List<PositionFix> completed = List.of();
        if (current != null && !current.timeOfDay().equals(time)) {
            completed = completeEpoch();
        }
        if (current == null) {
            current = new Epoch(time);
        }
        current.add(sentence);
        return completed;
    }

    /**
     * Ends the epoch in progress and returns its fix, if it has a position, after the epochs still
     * held for a date, which are dated from the clock. Call it when the connection closes or goes
     * idle, because otherwise the last epoch waits for a sentence that does not come.
     */
    public List<PositionFix> flush() {
        List<PositionFix> fixes = new ArrayList<>();
        if (current != null) {
            fixes.addAll(completeEpoch());
        }
        fixes.addAll(releaseUndated(clock.instant()));
        return fixes;
    }

    private List<PositionFix> completeEpoch() {
        Epoch epoch = current;
        current = null;

        if (epoch.date() == null && rmcDatedReference == null && !datingFromClock) {
            return holdUndated(epoch);
        }
        List<PositionFix> fixes = new ArrayList<>();
        if (epoch.date() != null && !undated.isEmpty()) {
            fixes.addAll(releaseUndated(epoch.date().atTime(epoch.timeOfDay()).toInstant(ZoneOffset.UTC)));
        }
        dateEpoch(epoch).ifPresent(fixes::add);
        return fixes;
    }

    /**
     * Holds an epoch that has no date yet, because dating it from the clock gives a replayed or
     * buffered log today's date. Releases every held epoch by the clock when the limit is reached.
     */
    private List<PositionFix> holdUndated(Epoch epoch) {
        if (!epoch.hasPosition()) {
            return List.of();
        }
        undated.add(epoch);
        if (undated.size() < MAX_UNDATED_EPOCHS) {
            return List.of();
        }
        datingFromClock = true;
        return releaseUndated(clock.instant());
    }

    /** Dates the held epochs nearest to {@code reference}, oldest first, and clears them. */
    private List<PositionFix> releaseUndated(Instant reference) {
        List<PositionFix> fixes = new ArrayList<>();
        for (Epoch epoch : undated) {
            fixes.add(epoch.toFix(deviceId, FixDates.nearestDate(epoch.timeOfDay(), reference)));
        }
        undated.clear();
        return fixes;
    }

    private Optional<PositionFix> dateEpoch(Epoch epoch) {
        LocalDate date = epoch.date();
        if (date == null) {
            Instant reference = rmcDatedReference != null ? rmcDatedReference : clock.instant();
            date = FixDates.nearestDate(epoch.timeOfDay(), reference);
        }
        if (epoch.date() != null || rmcDatedReference != null) {
            rmcDatedReference = date.atTime(epoch.timeOfDay()).toInstant(ZoneOffset.UTC);
        }

        if (!epoch.hasPosition()) {
            return Optional.empty();
        }
        return Optional.of(epoch.toFix(deviceId, date));
    }

    private static LocalTime timeOf(NmeaSentence sentence) {
        if (sentence instanceof RmcSentence rmc) {
            return rmc.time();
        }
        if (sentence instanceof GgaSentence gga) {
            return gga.time();
        }
        if (sentence instanceof GllSentence gll) {
            return gll.time();
        }
        return null;
    }
}
