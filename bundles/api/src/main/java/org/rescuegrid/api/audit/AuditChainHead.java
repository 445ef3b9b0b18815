package org.rescuegrid.api.audit;

/**
 * The newest end of an audit chain. Deleting the newest records leaves a shorter chain that still verifies,
 * so only a comparison of the head with HQ's copy finds them.
 *
 * @param records how many records the chain contains
 * @param lastSeq sequence number of the newest record, 0 for an empty chain
 * @param lastHash hash of the newest record, null for an empty chain
 */
public record AuditChainHead(long records, long lastSeq, String lastHash) {
}
