package org.rescuegrid.frontoffice.scenario;

import java.util.List;
import java.util.Map;

/**
 * Outcome of a scenario run.
 *
 * @param incidents incident id of each incident label of the scenario
 * @param mismatches one sentence per expectation that did not hold or command that failed unexpectedly; empty when the run passed
 */
public record ScenarioResult(Map<String, String> incidents, List<String> mismatches) {

    public boolean passed() {
        return mismatches.isEmpty();
    }

    public String incidentId(String label) {
        String id = incidents.get(label);
        if (id == null) {
            throw new IllegalArgumentException("scenario has no incident labelled " + label + "; labels: " + incidents.keySet());
        }
        return id;
    }
}
