package org.rescuegrid.simulators.internal.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated camera's pull-point subscriptions. Each keeps its own queue of events, and a
 * PullMessages call waits until an event arrives or its timeout passes, as on a real camera.
 */
final class PullPoints {

    /** Events kept per subscription; older ones are dropped when a client stops pulling. */
    static final int MAX_QUEUED = 100;

    /** One notification: a topic, the rule that raised it and its Data item. */
    record Event(String topic, String rule, String dataName, boolean state, Instant time) {
    }

    private static final class Subscription {
        Instant termination;
        final Deque<Event> queue = new ArrayDeque<>();
        CompletableFuture<List<Event>> waiter;
        int waiterLimit;

        Subscription(Instant termination) {
            this.termination = termination;
        }
    }

    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    synchronized String create(Instant termination) {
        String id = Integer.toString(nextId.getAndIncrement());
        subscriptions.put(id, new Subscription(termination));
        return id;
    }

    synchronized Optional<Instant> termination(String id) {
        return Optional.ofNullable(subscriptions.get(id)).map(subscription -> subscription.termination);
    }

    synchronized boolean renew(String id, Instant termination) {
        Subscription subscription = subscriptions.get(id);
        if (subscription == null) {
            return false;
        }
        subscription.termination = termination;
        return true;
    }

    synchronized boolean delete(String id) {
        Subscription subscription = subscriptions.remove(id);
        if (subscription != null && subscription.waiter != null) {
            subscription.waiter.complete(List.of());
        }
        return subscription != null;
    }

    /** Returns how many subscriptions have a PullMessages request waiting for events. */
    synchronized int waitingPulls() {
        return (int) subscriptions.values().stream().filter(subscription -> subscription.waiter != null).count();
    }

    synchronized int size() {
        return subscriptions.size();
    }

    /** Removes the subscriptions whose termination time has passed on the camera's clock. */
    synchronized void expire(Instant cameraNow) {
        subscriptions.entrySet().removeIf(entry -> {
            boolean expired = entry.getValue().termination.isBefore(cameraNow);
            if (expired && entry.getValue().waiter != null) {
                entry.getValue().waiter.complete(List.of());
            }
            return expired;
        });
    }

    synchronized void publish(Event event) {
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.queue.size() == MAX_QUEUED) {
                subscription.queue.removeFirst();
            }
            subscription.queue.addLast(event);
            if (subscription.waiter != null) {
                CompletableFuture<List<Event>> waiter = subscription.waiter;
                subscription.waiter = null;
                waiter.complete(take(subscription, subscription.waiterLimit));
            }
        }
    }

    /**
     * Returns the queued events at once, or a future that completes with the next events or with
     * none after {@code timeout}. Empty when the subscription does not exist.
     */
    synchronized Optional<CompletableFuture<List<Event>>> pull(String id, Duration timeout, int limit,
            ScheduledExecutorService scheduler) {
        Subscription subscription = subscriptions.get(id);
        if (subscription == null) {
            return Optional.empty();
        }
        if (!subscription.queue.isEmpty()) {
            return Optional.of(CompletableFuture.completedFuture(take(subscription, limit)));
        }
        if (subscription.waiter != null) {
            subscription.waiter.complete(List.of());
        }
        CompletableFuture<List<Event>> waiter = new CompletableFuture<>();
        subscription.waiter = waiter;
        subscription.waiterLimit = limit;
        scheduler.schedule(() -> timeOut(subscription, waiter), timeout.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(waiter);
    }

    private synchronized void timeOut(Subscription subscription, CompletableFuture<List<Event>> waiter) {
        if (subscription.waiter == waiter) {
            subscription.waiter = null;
        }
        waiter.complete(List.of());
    }

    private static List<Event> take(Subscription subscription, int limit) {
        List<Event> events = new ArrayList<>();
        while (!subscription.queue.isEmpty() && events.size() < Math.max(1, limit)) {
            events.add(subscription.queue.removeFirst());
        }
        return events;
    }
}
