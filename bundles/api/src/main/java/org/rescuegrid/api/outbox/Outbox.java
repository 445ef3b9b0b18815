package org.rescuegrid.api.outbox;

import java.util.Collection;
import java.util.List;

/**
 * Records stored on this node and not yet confirmed by HQ. Stores write to it in the transaction of
 * the record itself; the uplink reads it in order and removes what HQ confirmed.
 */
public interface Outbox {

    /** Returns up to {@code max} of the oldest records without removing them. */
    List<OutboxRecord> peek(int max);

    /** Removes confirmed records by sequence number and returns how many were removed. */
    int remove(Collection<Long> sequences);

    /** Returns the number of records waiting. */
    long backlog();
}
