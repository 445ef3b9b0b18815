package org.rescuegrid.api.uplink;

import java.time.LocalDate;
import java.util.List;

/**
 * Outcome of one reconciliation of a UTC day with HQ.
 *
 * @param day the UTC day compared, from 00:00 inclusive to the next 00:00 exclusive
 * @param types one entry per record type, in name order
 * @param outboxBacklog records still waiting in the outbox; HQ counts them as missing until they arrive
 * @param auditChain the node's audit chain head compared with HQ's copy, null when the node keeps no audit chain
 */
public record ReconciliationResult(LocalDate day, List<TypeResult> types, long outboxBacklog, AuditChainResult auditChain) {

    public ReconciliationResult(LocalDate day, List<TypeResult> types, long outboxBacklog) {
        this(day, types, outboxBacklog, null);
    }

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

    /**
     * The node's audit chain head against HQ's copy of the chain.
     *
     * @param districtRecords records in the node's chain
     * @param districtLastSeq sequence number of the node's newest record, 0 for an empty chain
     * @param hqRecords records of the node's chain that HQ stores
     * @param hqLastSeq sequence number of HQ's newest record of the node, 0 when HQ holds none
     * @param match whether HQ's newest record has the node's newest sequence number and hash
     */
    public record AuditChainResult(long districtRecords, long districtLastSeq, long hqRecords, long hqLastSeq, boolean match) {
    }
}
