package org.rescuegrid.backoffice.internal;

/**
 * Outcome of checking the audit chain.
 *
 * @param verified records checked and found intact before the first broken one, or all of them
 * @param firstBroken sequence number of the first record that is edited, missing or out of place; 0 when the chain is intact
 * @param reason why that record is broken, or null
 */
public record AuditVerification(long verified, long firstBroken, String reason) {

    public boolean intact() {
        return firstBroken == 0;
    }

    /** Returns the sentence {@code rescue:audit-verify} prints. */
    public String describe() {
        return intact() ? "verified " + verified + " records"
                : "broken at record " + firstBroken + ": " + reason + " (" + verified + " records before it verified)";
    }
}
