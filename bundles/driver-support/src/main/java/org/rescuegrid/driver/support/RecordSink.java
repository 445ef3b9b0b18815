package org.rescuegrid.driver.support;

import java.util.concurrent.CompletableFuture;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;

/**
 * Destination of a driver's records. The blocking methods return only after the commit, or throw when
 * nothing was stored. The asynchronous ones return a future that completes after the commit, or fails.
 */
public interface RecordSink {

    void store(PositionFix fix);

    void store(DeviceEvent event);

    /** Stores a fix without holding the caller's thread where the sink can; by default it calls {@link #store(PositionFix)}. */
    default CompletableFuture<?> storeAsync(PositionFix fix) {
        try {
            store(fix);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stores an event without holding the caller's thread where the sink can; by default it calls {@link #store(DeviceEvent)}. */
    default CompletableFuture<?> storeAsync(DeviceEvent event) {
        try {
            store(event);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
