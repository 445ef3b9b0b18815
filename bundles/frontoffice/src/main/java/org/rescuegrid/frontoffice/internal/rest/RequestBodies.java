package org.rescuegrid.frontoffice.internal.rest;

import java.time.Instant;
import java.util.List;

import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.rest.ApiException;

/** Turns the JSON bodies of the REST API into the front office's inputs. */
final class RequestBodies {

    static final List<String> CALL_FIELDS = List.of("receivedAt", "callerNumber", "callerName", "latitude", "longitude", "landmark", "type",
            "peopleAffected", "note", "disposition", "attachTo", "newIncident");
    static final List<String> DISPATCH_FIELDS = List.of("vehicleId");
    static final List<String> STEP_FIELDS = List.of("vehicleId", "step", "at");
    static final List<String> RECLASSIFY_FIELDS = List.of("disposition");

    private RequestBodies() {
    }

    /** Returns the call of a {@code POST /calls} body, taken by {@code operator}. */
    static NewCall call(String body, String operator) {
        JsonFields fields = JsonFields.parse(body, CALL_FIELDS);
        Double latitude = fields.number("latitude", -90, 90);
        Double longitude = fields.number("longitude", -180, 180);
        if ((latitude == null) != (longitude == null)) {
            throw ApiException.badRequest("fields 'latitude' and 'longitude' go together; send both in WGS84 decimal degrees,"
                    + " for example \"latitude\": 31.5106, \"longitude\": 74.3428");
        }
        String landmark = fields.text("landmark", 100);
        if (latitude != null && landmark != null) {
            throw ApiException.badRequest("fields 'latitude'/'longitude' and 'landmark' exclude each other; send the place one way");
        }
        Disposition disposition = fields.parsed("disposition", Disposition::parse);
        Instant receivedAt = fields.instant("receivedAt");
        try {
            return new NewCall(receivedAt, fields.text("callerNumber", 32), fields.text("callerName", 100),
                    latitude == null ? null : Location.of(latitude, longitude), landmark, fields.parsed("type", IncidentType::parse),
                    fields.integer("peopleAffected", 0, 10_000, 0), fields.text("note", 2000),
                    disposition == null ? Disposition.EMERGENCY : disposition, fields.text("attachTo", 32), fields.bool("newIncident"), operator);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Returns the vehicle id of a {@code POST /incidents/{id}/dispatch} body. */
    static String dispatchVehicle(String body) {
        return JsonFields.parse(body, DISPATCH_FIELDS).requiredText("vehicleId", 64, "\"AMB-LHR-101\"");
    }

    /** A vehicle step as {@code POST /incidents/{id}/steps} reports it; {@code at} is null for now. */
    record StepReport(String vehicleId, Step step, Instant at) {
    }

    static StepReport step(String body) {
        JsonFields fields = JsonFields.parse(body, STEP_FIELDS);
        String vehicleId = fields.requiredText("vehicleId", 64, "\"AMB-LHR-101\"");
        Step step = fields.requiredParsed("step", Step::parse, "\"on-scene\"");
        if (!step.isVehicleStep() || step == Step.DISPATCHED) {
            throw ApiException.badRequest("field 'step' value \"" + step.label() + "\" is invalid here; send one of left-station, on-scene,"
                    + " left-scene, at-hospital, back-in-service (dispatch through /dispatch, close through /close)");
        }
        return new StepReport(vehicleId, step, fields.instant("at"));
    }

    /** Returns the new disposition of a {@code POST /calls/{id}/reclassify} body. */
    static Disposition reclassification(String body) {
        return JsonFields.parse(body, RECLASSIFY_FIELDS).requiredParsed("disposition", Disposition::parse, "\"fake\"");
    }
}
