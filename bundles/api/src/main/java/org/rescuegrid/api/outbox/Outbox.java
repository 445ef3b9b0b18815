package org.rescuegrid.api.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;

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

    /**
     * Moves records HQ rejected for their content out of the outbox into the rejected records, each with
     * HQ's reason, in one transaction, and returns how many were moved. Resending them cannot succeed, so
     * they would otherwise stay at the head of the outbox and block every record behind them.
     */
    int reject(Map<Long, String> reasonsBySequence);

    /** Returns the number of records HQ rejected that are kept aside for an operator. */
    long rejectedCount();
}
