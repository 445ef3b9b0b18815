package org.rescuegrid.frontoffice.scenario;

import java.time.Instant;

/**
 * Sets the clock of a node's front office for a scenario run. Registered only on nodes whose
 * configuration allows it (demo and tests), because every time the front office records follows it.
 */
public interface SimulatedTime {

    /** Stops the front office's clock at {@code time}; later calls may only move it forward. */
    void set(Instant time);

    /** Returns the front office to the system clock. */
    void release();
}
