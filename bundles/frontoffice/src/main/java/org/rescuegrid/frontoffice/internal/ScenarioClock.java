package org.rescuegrid.frontoffice.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.rescuegrid.frontoffice.scenario.SimulatedTime;

/** The front office's clock: the system clock in UTC, unless a scenario player has set it. */
final class ScenarioClock extends Clock implements SimulatedTime {

    private volatile Instant simulated;

    @Override
    public Instant instant() {
        Instant time = simulated;
        return time == null ? Instant.now() : time;
    }

    @Override
    public synchronized void set(Instant time) {
        Instant current = simulated;
        if (current != null && time.isBefore(current)) {
            throw new IllegalArgumentException("simulated time " + time + " is before the current " + current + "; it only moves forward");
        }
        simulated = time;
    }

    @Override
    public void release() {
        simulated = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the front office keeps time in UTC");
    }
}
