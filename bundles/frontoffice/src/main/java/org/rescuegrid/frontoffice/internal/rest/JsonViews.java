package org.rescuegrid.frontoffice.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.CallCheck;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.Recommendation;
import org.rescuegrid.frontoffice.Step;

/**
 * The REST API's JSON forms of the front office's records: enum values in their console form
 * ({@code on-scene}), times as ISO-8601 UTC, durations in seconds, absent values left out.
 */
final class JsonViews {

    private JsonViews() {
    }

    static Map<String, Object> incident(Incident incident) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.incidentId());
        view.put("type", incident.type().label());
        view.put("location", location(incident.location()));
        view.put("peopleAffected", incident.peopleAffected());
        putIfPresent(view, "note", incident.note());
        view.put("calls", incident.calls());
        view.put("open", incident.open());
        view.put("currentStep", incident.currentStep().label());
        Map<String, Object> steps = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            putIfPresent(steps, step.label(), incident.time(step));
        }
        view.put("steps", steps);
        incident.responseTime().ifPresent(time -> view.put("responseSeconds", time.toSeconds()));
        putIfPresent(view, "alertRaisedAt", incident.alertRaisedAt());
        putIfPresent(view, "closedBy", incident.closedBy());
        List<Map<String, Object>> vehicles = new ArrayList<>();
        for (Assignment assignment : incident.vehicles()) {
            vehicles.add(assignment(assignment));
        }
        view.put("vehicles", vehicles);
        return view;
    }

    static Map<String, Object> assignment(Assignment assignment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("vehicleId", assignment.vehicleId());
        view.put("vehicleType", assignment.vehicleType().label());
        view.put("currentStep", assignment.currentStep().label());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            if (assignment.steps().containsKey(step)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("step", step.label());
                entry.put("time", assignment.steps().get(step));
                putIfPresent(entry, "source", assignment.sources().containsKey(step) ? assignment.sources().get(step).label() : null);
                steps.add(entry);
            }
        }
        view.put("steps", steps);
        if (assignment.recommendedEta() != null) {
            view.put("recommendedEtaSeconds", assignment.recommendedEta().toSeconds());
        }
        putIfPresent(view, "dispatchedBy", assignment.dispatchedBy());
        return view;
    }

    static Map<String, Object> call(CallRecord call) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("callId", call.callId());
        view.put("receivedAt", call.receivedAt());
        view.put("recordedAt", call.recordedAt());
        putIfPresent(view, "callerNumber", call.callerNumber());
        putIfPresent(view, "callerName", call.callerName());
        putIfPresent(view, "location", call.location() == null ? null : location(call.location()));
        putIfPresent(view, "type", call.type() == null ? null : call.type().label());
        view.put("peopleAffected", call.peopleAffected());
        putIfPresent(view, "note", call.note());
        view.put("disposition", call.disposition().label());
        putIfPresent(view, "incidentId", call.incidentId());
        view.put("repeatNuisance", call.repeatNuisance());
        putIfPresent(view, "operator", call.operator());
        return view;
    }

    static Map<String, Object> callCheck(CallCheck check) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("nuisanceCalls", check.nuisanceCalls());
        view.put("repeatNuisance", check.repeatNuisance());
        return view;
    }

    static Map<String, Object> recommendation(Recommendation recommendation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("vehicleId", recommendation.vehicleId());
        view.put("type", recommendation.type().label());
        view.put("station", recommendation.station());
        view.put("fromGps", recommendation.fromGps());
        putIfPresent(view, "positionTime", recommendation.positionTime());
        view.put("roadDistanceKm", recommendation.roadDistanceKm());
        view.put("speedKmh", recommendation.speedKmh());
        view.put("etaSeconds", recommendation.eta().toSeconds());
        return view;
    }

    static Map<String, Object> location(Location location) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("latitude", location.latitude());
        view.put("longitude", location.longitude());
        putIfPresent(view, "landmark", location.landmark());
        return view;
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    private static void putIfPresent(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
