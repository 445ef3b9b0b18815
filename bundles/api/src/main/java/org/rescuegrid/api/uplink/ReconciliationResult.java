package org.rescuegrid.api.uplink;

import java.time.LocalDate;
import java.util.List;

/**
 * Outcome of one reconciliation of a UTC day with HQ.
 *
 * @param day the UTC day compared, from 00:00 inclusive to the next 00:00 exclusive
 * @param types one entry per record type, in name order
 * @param outboxBacklog records still waiting in the outbox; HQ counts them as missing until they arrive
 */
public record ReconciliationResult(LocalDate day, List<TypeResult> types, long outboxBacklog) {

    /**
     * Counts of one record type.
     *
     * @param recordType outbox record type, for example {@code position}
     * @param districtCount records this node stored for the day
     * @param hqCount records HQ stores for the node and the day
     * @param missingCount records of this node that HQ lacks
     * @param missingIds the first missing event ids, at most the list limit requested
     * @param unknownAtHq records HQ stores that this node does not know: {@code hqCount - (districtCount - missingCount)}
     * @param resent records appended to the outbox again, 0 without resending
     */
    public record TypeResult(String recordType, long districtCount, long hqCount, long missingCount, List<String> missingIds,
            long unknownAtHq, long resent) {
    }
}
