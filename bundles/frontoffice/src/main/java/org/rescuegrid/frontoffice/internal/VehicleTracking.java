package org.rescuegrid.frontoffice.internal;

import java.util.Optional;

import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.Step;

/**
 * Watches the fixes of one dispatched vehicle for its next steps: leaving its station, arriving on
 * scene, leaving the scene, arriving at a hospital and back at its station. The watches start afresh
 * whenever the vehicle's step changes, whatever set it.
 */
final class VehicleTracking {

    /** A step the fixes showed, at the time of the fix that started it. */
    record Detected(Step step, java.time.Instant time) {
    }

    private final FrontOfficeSettings settings;
    private final Location station;
    private final Location scene;
    private final Gazetteer gazetteer;
    private final String incidentId;
    private Step watchedStep;
    private Boolean startedAtStation;
    private ZoneWatch stationExit;
    private ZoneWatch sceneEntry;
    private ZoneWatch sceneExit;
    private ZoneWatch hospitalEntry;
    private ZoneWatch stationEntry;

    VehicleTracking(FrontOfficeSettings settings, Gazetteer gazetteer, String incidentId, Location station, Location scene) {
        this.settings = settings;
        this.gazetteer = gazetteer;
        this.incidentId = incidentId;
        this.station = station;
        this.scene = scene;
    }

    String incidentId() {
        return incidentId;
    }

    Optional<Detected> update(Assignment assignment, PositionFix fix) {
        Step current = assignment.currentStep();
        if (current != watchedStep) {
            restart(current);
        }
        double toStation = Geo.meters(station, fix.latitude(), fix.longitude());
        double toScene = Geo.meters(scene, fix.latitude(), fix.longitude());
        switch (current) {
            case DISPATCHED -> {
                if (startedAtStation == null) {
                    startedAtStation = toStation <= settings.siteRadiusMeters();
                }
                if (startedAtStation) {
                    Optional<java.time.Instant> left = stationExit.update(toStation, fix.fixTime());
                    if (left.isPresent()) {
                        return Optional.of(new Detected(Step.LEFT_STATION, left.get()));
                    }
                }
                return sceneEntry.update(toScene, fix.fixTime()).map(t -> new Detected(Step.ON_SCENE, t));
            }
            case LEFT_STATION -> {
                return sceneEntry.update(toScene, fix.fixTime()).map(t -> new Detected(Step.ON_SCENE, t));
            }
            case ON_SCENE -> {
                return sceneExit.update(toScene, fix.fixTime()).map(t -> new Detected(Step.LEFT_SCENE, t));
            }
            case LEFT_SCENE -> {
                Optional<java.time.Instant> hospital = hospitalEntry.update(toNearestHospital(fix), fix.fixTime());
                if (hospital.isPresent()) {
                    return Optional.of(new Detected(Step.AT_HOSPITAL, hospital.get()));
                }
                return stationEntry.update(toStation, fix.fixTime()).map(t -> new Detected(Step.BACK_IN_SERVICE, t));
            }
            case AT_HOSPITAL -> {
                return stationEntry.update(toStation, fix.fixTime()).map(t -> new Detected(Step.BACK_IN_SERVICE, t));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private void restart(Step current) {
        watchedStep = current;
        double site = settings.siteRadiusMeters();
        stationExit = ZoneWatch.leaving(site, settings.leaveDwell());
        sceneEntry = ZoneWatch.entering(settings.arrivalRadiusMeters(), settings.leaveRadiusMeters(), settings.arrivalDwell());
        sceneExit = ZoneWatch.leaving(settings.leaveRadiusMeters(), settings.leaveDwell());
        hospitalEntry = ZoneWatch.entering(site, 2 * site, settings.arrivalDwell());
        stationEntry = ZoneWatch.entering(site, 2 * site, settings.arrivalDwell());
    }

    private double toNearestHospital(PositionFix fix) {
        double nearest = Double.POSITIVE_INFINITY;
        for (Gazetteer.Place hospital : gazetteer.places(Gazetteer.Kind.HOSPITAL)) {
            nearest = Math.min(nearest, Geo.meters(hospital.location(), fix.latitude(), fix.longitude()));
        }
        return nearest;
    }
}
