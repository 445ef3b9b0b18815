package org.rescuegrid.frontoffice.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.rescuegrid.frontoffice.scenario.SimulatedTime;

/**
 * The front office's clock: the system clock in UTC, except on the thread of a scenario player that has
 * set it and while stored positions are handled ({@link #followScenario}). Operators' calls through the
 * console or REST run on other threads and always get the system clock, so a demo replay never stamps
 * their records with scenario time.
 */
final class ScenarioClock extends Clock implements SimulatedTime {

    private volatile Instant simulated;
    private volatile Thread player;
    private final ThreadLocal<Boolean> following = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Override
    public Instant instant() {
        Instant time = simulated;
        return time == null || (Thread.currentThread() != player && !following.get()) ? Instant.now() : time;
    }

    /**
     * Runs the task with the scenario time on this thread, for what devices report. While a scenario plays,
     * its fixes and the radios' statuses are handled on the bus's threads, so they are judged at its time.
     */
    <T> T followScenario(Supplier<T> task) {
        following.set(Boolean.TRUE);
        try {
            return task.get();
        } finally {
            following.set(Boolean.FALSE);
        }
    }

    /** Returns the scenario time, or null when no scenario runs; on any thread, unlike {@link #instant()}. */
    Instant scenarioTime() {
        return simulated;
    }

    /** Returns whether the calling thread is the scenario player's, whose records follow the scenario time. */
    boolean onPlayerThread() {
        return simulated != null && Thread.currentThread() == player;
    }

    @Override
    public synchronized void set(Instant time) {
        Thread caller = Thread.currentThread();
        Instant current = simulated;
        if (current != null && caller != player) {
            throw new IllegalStateException("simulated time is set by thread " + player.getName() + "; only one scenario plays at a time");
        }
        if (current != null && time.isBefore(current)) {
            throw new IllegalArgumentException("simulated time " + time + " is before the current " + current + "; it only moves forward");
        }
        player = caller;
        simulated = time;
    }

    @Override
    public synchronized void release() {
        simulated = null;
        player = null;
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
