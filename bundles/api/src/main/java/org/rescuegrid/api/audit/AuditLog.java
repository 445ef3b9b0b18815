package org.rescuegrid.api.audit;

/**
 * The node's tamper-evident audit trail. Each record is chained to the one before it by a SHA-256 hash,
 * stored with its outbox record for HQ in one transaction, and never changed afterwards.
 */
public interface AuditLog {

    /**
     * Stores an entry as the next record of the chain and returns its sequence number.
     *
     * @throws IllegalStateException when the record could not be stored; nothing was recorded then
     */
    long record(AuditEntry entry);
}
