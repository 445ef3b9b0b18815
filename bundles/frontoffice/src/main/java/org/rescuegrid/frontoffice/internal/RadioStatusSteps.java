package org.rescuegrid.frontoffice.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;
import org.rescuegrid.frontoffice.Vehicle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the unit statuses that radio gateways report ({@code radio.status} events, attribute
 * {@code unitStatus}) into steps of the incident the vehicle serves, with source radio. The front office
 * keeps the first report of a step, from GPS, radio or the operator, and stores later ones for audit.
 *
 * <p>Radio status sets have no "left scene" code, so a crew on scene that reports en route, at hospital or
 * available has left the scene at the time of that report, and both steps are recorded.
 */
final class RadioStatusSteps {

    static final String USER = "radio";
    private static final Logger LOG = LoggerFactory.getLogger(RadioStatusSteps.class);

    private final FrontOfficeService frontOffice;

    RadioStatusSteps(FrontOfficeService frontOffice) {
        this.frontOffice = frontOffice;
    }

    /** Records the steps a vehicle's unit status means, and returns them; nothing for a vehicle that serves no incident. */
    List<Step> apply(String vehicleId, String unitStatus, Instant time) {
        Optional<Vehicle> vehicle = frontOffice.vehicles().stream().filter(v -> v.vehicleId().equals(vehicleId)).findFirst();
        if (vehicle.isEmpty() || vehicle.get().incidentId() == null) {
            LOG.debug("vehicle={} reported {} by radio while serving no incident", vehicleId, unitStatus);
            return List.of();
        }
        String incidentId = vehicle.get().incidentId();
        List<Step> steps = steps(unitStatus, vehicle.get().step());
        for (Step step : steps) {
            try {
                frontOffice.recordStep(incidentId, vehicleId, step, time, StepSource.RADIO, USER);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // NOTE: a late radio report of a step GPS skipped (en route after GPS saw the arrival) is not stored for audit.
                LOG.info("incident={} vehicle={} radio status {} at {} not recorded as {}: {}", incidentId, vehicleId, unitStatus, time,
                        step.label(), e.getMessage());
                return List.of();
            }
        }
        return steps;
    }

    /** Returns the steps a unit status means for a vehicle at {@code current}, in order. */
    static List<Step> steps(String unitStatus, Step current) {
        boolean onScene = current == Step.ON_SCENE;
        return switch (unitStatus == null ? "" : unitStatus) {
            case "en-route" -> onScene ? List.of(Step.LEFT_SCENE) : List.of(Step.LEFT_STATION);
            case "on-scene" -> List.of(Step.ON_SCENE);
            case "at-hospital" -> onScene ? List.of(Step.LEFT_SCENE, Step.AT_HOSPITAL) : List.of(Step.AT_HOSPITAL);
            case "available" -> onScene ? List.of(Step.LEFT_SCENE, Step.BACK_IN_SERVICE) : List.of(Step.BACK_IN_SERVICE);
            // "dispatched" repeats the operator's dispatch; "out-of-service" and "unmapped" codes are no incident step.
            default -> List.of();
        };
    }
}
