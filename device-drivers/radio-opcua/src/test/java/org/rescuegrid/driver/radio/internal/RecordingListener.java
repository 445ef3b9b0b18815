package org.rescuegrid.driver.radio.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Collects what a gateway client reports, for assertions that poll with a deadline. */
final class RecordingListener implements RadioListener {

    /** Deadline of each wait; generous because a cold Milo client on a busy 2-core machine takes seconds to connect. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<RadioSnapshot> changes = new ArrayList<>();
    private final List<String> unreachable = new ArrayList<>();
    private final List<RadioAlert> alerts = new ArrayList<>();

    @Override
    public synchronized void radioChanged(RadioSnapshot snapshot) {
        changes.add(snapshot);
    }

    @Override
    public void radioHeard(String radioId) {
    }

    @Override
    public synchronized void radioAlert(RadioAlert alert) {
        alerts.add(alert);
    }

    @Override
    public synchronized void radiosUnreachable(Collection<String> radioIds) {
        unreachable.addAll(radioIds);
    }

    synchronized List<RadioSnapshot> changes() {
        return List.copyOf(changes);
    }

    synchronized List<RadioSnapshot> changesOf(String radioId) {
        return changes.stream().filter(change -> radioId.equals(change.radioId())).toList();
    }

    synchronized List<String> unreachable() {
        return List.copyOf(unreachable);
    }

    synchronized List<RadioAlert> alerts() {
        return List.copyOf(alerts);
    }

    RadioAlert awaitAlert(String what, Predicate<RadioAlert> match) {
        waitFor(what, () -> alerts().stream().anyMatch(match));
        return alerts().stream().filter(match).reduce((first, second) -> second).orElseThrow();
    }

    RadioSnapshot awaitChange(String what, Predicate<RadioSnapshot> match) {
        waitFor(what, () -> changes().stream().anyMatch(match));
        return changes().stream().filter(match).reduce((first, second) -> second).orElseThrow();
    }

    static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
