package org.rescuegrid.frontoffice;

import java.time.Instant;

/**
 * A call as the operator enters it.
 *
 * @param receivedAt when the call reached the switchboard, or null for now
 * @param callerNumber the caller's number as the switchboard shows it, or null when withheld
 * @param callerName name the caller gave, or null
 * @param location where help is needed, or null when the caller gave a landmark or no place
 * @param landmark gazetteer name of the place, used when {@code location} is null
 * @param type kind of emergency; required for {@link Disposition#EMERGENCY}, ignored otherwise
 * @param peopleAffected people hurt or in danger as the caller reports them, 0 when unknown
 * @param note free text, or null
 * @param disposition outcome of the call
 * @param attachTo open incident this call reports again, or null
 * @param newIncident whether the operator confirmed a new incident although the front office offered a duplicate
 * @param operator user who took the call
 */
public record NewCall(Instant receivedAt, String callerNumber, String callerName, Location location, String landmark,
        IncidentType type, int peopleAffected, String note, Disposition disposition, String attachTo, boolean newIncident,
        String operator) {

    public NewCall {
        if (disposition == null) {
            throw new IllegalArgumentException("disposition is missing; use one of " + Parsing.names(Disposition.class));
        }
        if (peopleAffected < 0 || peopleAffected > 10_000) {
            throw new IllegalArgumentException("people affected " + peopleAffected + " is invalid; use 0 (unknown) to 10000");
        }
    }

    /** Returns an emergency call at a place, with the other fields empty, for tests and scenarios. */
    public static NewCall emergency(Instant receivedAt, String callerNumber, IncidentType type, Location location) {
        return new NewCall(receivedAt, callerNumber, null, location, null, type, 0, null, Disposition.EMERGENCY, null, false, "scenario");
    }
}
