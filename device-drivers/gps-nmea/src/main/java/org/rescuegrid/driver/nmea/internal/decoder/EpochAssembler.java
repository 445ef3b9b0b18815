package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
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
 * the time is nearest to the previous RMC-dated epoch of this connection, or nearest to the
 * clock's current time when the connection has sent no RMC date yet. See
 * {@link FixDates#nearestDate} for the midnight case.
 */
public final class EpochAssembler {

    private final NmeaDecoder decoder;
    private final Clock clock;
    private String deviceId;
    private Epoch current;
    // Fix time of the last epoch dated by an RMC, directly or through this chain. Each dated
    // epoch moves it forward, so a GGA-only stretch keeps its date across midnight.
    private Instant rmcDatedReference;

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
        return new LineOutcome(result, Optional.empty());
    }

    /**
     * Merges one decoded sentence. Returns the fix of the previous epoch when this sentence
     * starts a new one.
     */
    Optional<PositionFix> add(NmeaSentence sentence) {
        LocalTime time = timeOf(sentence);
        if (time == null) {
            if (sentence instanceof VtgSentence && current != null) {
                current.add(sentence);
            }
            return Optional.empty();
        }

        Optional<PositionFix> completed = Optional.empty();
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
     * Ends the epoch in progress and returns its fix, if it has a position. Call it when the
     * connection closes or goes idle, because otherwise the last epoch waits for a sentence that
     * does not come.
     */
    public Optional<PositionFix> flush() {
        if (current == null) {
            return Optional.empty();
        }
        return completeEpoch();
    }

    private Optional<PositionFix> completeEpoch() {
        Epoch epoch = current;
        current = null;

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
