package org.rescuegrid.hq;

import java.time.Instant;

/**
 * Outcome of checking one district's audit chain at HQ. A district whose own chain has more records than
 * {@code verified} while HQ's copy is intact still has records on their way, or lost.
 *
 * @param district code the district node uploads with
 * @param records audit records of the district stored at HQ
 * @param verified records checked and found intact before the first broken one, or all of them
 * @param firstBroken sequence number of the first edited, missing or out-of-place record; 0 when the chain is intact
 * @param reason why that record is broken, or null
 * @param lastHash hash of the last intact record (sequence number {@code verified}), or null when there is none
 * @param lastRecordedAt time of that record, or null
 */
public record HqAuditVerification(String district, long records, long verified, long firstBroken, String reason, String lastHash,
        Instant lastRecordedAt) {

    public boolean intact() {
        return firstBroken == 0;
    }

    /** Returns the sentence {@code rescue:hq-audit-verify} prints for the district. */
    public String describe() {
        return intact() ? district + ": verified " + verified + " records" + (lastHash == null ? "" : ", last hash " + lastHash)
                : district + ": broken at record " + firstBroken + ": " + reason + " (" + verified + " records before it verified)";
    }
}
