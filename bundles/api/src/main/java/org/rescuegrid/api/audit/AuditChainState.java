package org.rescuegrid.api.audit;

/** Reads the head of the node's audit chain, for reconciliation with HQ's copy. */
public interface AuditChainState {

    /**
     * Returns the chain's record count and newest record.
     *
     * @throws IllegalStateException when the chain could not be read
     */
    AuditChainHead head();
}
