package org.rescuegrid.frontoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident with one timestamp per step it reached (see {@link Step} for how the vehicles' steps add up).
 *
 * @param calls number of calls that reported it
 * @param alertRaisedAt when the response clock passed the warning without an arrival, or null
 * @param closedBy supervisor who closed it, or null
 */
public record Incident(String incidentId, IncidentType type, Location location, int peopleAffected, String note, int calls,
        Map<Step, Instant> steps, List<Assignment> vehicles, Instant alertRaisedAt, String closedBy) {

    public Incident {
        steps = Collections.unmodifiableMap(new EnumMap<>(steps));
        vehicles = List.copyOf(vehicles);
    }

    public boolean open() {
        return !steps.containsKey(Step.CLOSED);
    }

    public Instant time(Step step) {
        return steps.get(step);
    }

    /** Returns the response time, call received to the first arrival on scene, once there is one. */
    public Optional<Duration> responseTime() {
        return between(Step.CALL_RECEIVED, Step.ON_SCENE);
    }

    /** Returns the time from one step to another when the incident reached both. */
    public Optional<Duration> between(Step from, Step to) {
        Instant start = steps.get(from);
        Instant end = steps.get(to);
        return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
    }

    public Optional<Assignment> vehicle(String vehicleId) {
        return vehicles.stream().filter(v -> v.vehicleId().equals(vehicleId)).findFirst();
    }

    /** Returns the latest step the incident reached. */
    public Step currentStep() {
        Step current = Step.CALL_RECEIVED;
        for (Step step : steps.keySet()) {
            if (step.ordinal() > current.ordinal()) {
                current = step;
            }
        }
        return current;
    }
}
