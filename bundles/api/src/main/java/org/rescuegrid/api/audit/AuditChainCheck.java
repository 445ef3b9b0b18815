package org.rescuegrid.api.audit;

import java.util.Optional;

/**
 * Walks an audit chain in sequence order and finds its first broken record, the same way on the node and at
 * HQ. A record is broken in three cases. Its sequence number is not the next one, because a record before it
 * was deleted or records were renumbered or moved. Its previous hash is not the hash of the record before it.
 * Or its stored hash does not match its fields, because it was edited. One instance walks one chain, and it
 * is not thread-safe.
 */
public final class AuditChainCheck {

    private long expectedSeq = 1;
    private String expectedPrevious = AuditHash.GENESIS;

    /**
     * Checks the next stored record and returns why it is broken, or empty when it links to the records before it.
     *
     * @param computedHash the hash {@link AuditHash#of} computes from the record's fields
     * @param storedHash the hash stored with the record
     */
    public Optional<String> next(long seq, String previousHash, String computedHash, String storedHash) {
        if (seq != expectedSeq) {
            if (seq < expectedSeq) {
                return Optional.of("sequence number " + seq + " appears out of order");
            }
            return Optional.of("record " + expectedSeq + (expectedSeq + 1 == seq ? " is" : " to " + (seq - 1) + " are")
                    + " missing (deleted); the next stored record is " + seq);
        }
        if (!expectedPrevious.equals(previousHash)) {
            return Optional.of("its previous hash does not match the hash of record " + (expectedSeq - 1) + " (a record was deleted, replaced or moved)");
        }
        if (!computedHash.equals(storedHash)) {
            return Optional.of("its fields do not match its hash (edited)");
        }
        expectedPrevious = storedHash;
        expectedSeq++;
        return Optional.empty();
    }

    /** Returns the sequence number the next record must have, which is the first broken one after {@link #next} returned a reason. */
    public long expectedSeq() {
        return expectedSeq;
    }

    /** Returns how many records linked so far. */
    public long verified() {
        return expectedSeq - 1;
    }
}
