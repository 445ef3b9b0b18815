package org.rescuegrid.frontoffice;

import java.time.Instant;

/**
 * A stored call.
 *
 * @param incidentId incident the call created or joined, or null for a call that was not an emergency
 * @param repeatNuisance whether the caller's number was flagged for repeated nuisance calls when the call came in
 */
public record CallRecord(String callId, Instant receivedAt, Instant recordedAt, String callerNumber, String callerName,
        Location location, IncidentType type, int peopleAffected, String note, Disposition disposition, String incidentId,
        boolean repeatNuisance, String operator) {

    /** Returns the caller number with all but its last three digits replaced by '*', as it leaves the front office. */
    public String maskedCallerNumber() {
        if (callerNumber == null) {
            return null;
        }
        int keep = Math.min(3, callerNumber.length());
        return "*".repeat(callerNumber.length() - keep) + callerNumber.substring(callerNumber.length() - keep);
    }
}
