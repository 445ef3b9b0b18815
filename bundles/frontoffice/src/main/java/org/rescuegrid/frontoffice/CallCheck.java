package org.rescuegrid.frontoffice;

import java.util.List;

/**
 * What the operator should know before deciding a call.
 *
 * @param nuisanceCalls earlier nuisance or fake calls from the same number within the look-back period
 * @param repeatNuisance whether that count reached the configured threshold
 * @param duplicates open incidents of the same type close enough in place and time to be the same emergency, nearest first
 */
public record CallCheck(int nuisanceCalls, boolean repeatNuisance, List<DuplicateOffer> duplicates) {

    /**
     * An open incident that a new call may report again.
     *
     * @param distanceMeters straight-line distance between the call's place and the incident's
     */
    public record DuplicateOffer(String incidentId, IncidentType type, double distanceMeters, java.time.Duration age) {
    }
}
