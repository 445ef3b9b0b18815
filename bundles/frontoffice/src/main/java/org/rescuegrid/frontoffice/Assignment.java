package org.rescuegrid.frontoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One vehicle sent to an incident, with the time and source of each vehicle step it reached.
 *
 * @param recommendedEta travel time the recommendation estimated when the vehicle was dispatched, or null
 */
public record Assignment(String vehicleId, VehicleType vehicleType, Map<Step, Instant> steps, Map<Step, StepSource> sources,
        Duration recommendedEta, String dispatchedBy) {

    public Assignment {
        steps = Collections.unmodifiableMap(new EnumMap<>(steps));
        sources = Collections.unmodifiableMap(sources.isEmpty() ? new EnumMap<>(Step.class) : new EnumMap<>(sources));
    }

    /** Returns the latest step the vehicle reached. */
    public Step currentStep() {
        Step current = Step.DISPATCHED;
        for (Step step : steps.keySet()) {
            if (step.ordinal() > current.ordinal()) {
                current = step;
            }
        }
        return current;
    }

    /** Returns whether the vehicle is still committed to the incident. */
    public boolean active() {
        return !steps.containsKey(Step.BACK_IN_SERVICE);
    }
}
