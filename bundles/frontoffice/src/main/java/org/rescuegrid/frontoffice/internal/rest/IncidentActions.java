package org.rescuegrid.frontoffice.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.AssistanceKind;
import org.rescuegrid.frontoffice.AssistanceRecipient;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentOutcome;
import org.rescuegrid.frontoffice.rest.ApiException;

/** The REST API's incident views and the actions that need more than one service call. */
final class IncidentActions {

    static final List<String> CLOSE_FIELDS = List.of("peopleRescued", "firstAidOnScene", "takenToHospital", "deathsOnScene");
    static final List<String> ASSISTANCE_FIELDS = List.of("givenAt", "givenBy", "givenTo", "vehicleId", "kind", "text");

    private final FrontOfficeService frontOffice;

    IncidentActions(FrontOfficeService frontOffice) {
        this.frontOffice = frontOffice;
    }

    /** Returns an incident with its calls, assistance and outcome. */
    Map<String, Object> show(Incident incident) {
        Map<String, Object> view = JsonViews.incident(incident);
        List<Map<String, Object>> calls = new ArrayList<>();
        for (CallRecord call : frontOffice.calls(incident.incidentId())) {
            calls.add(JsonViews.call(call));
        }
        view.put("callRecords", calls);
        view.put("assistance", assistanceViews(frontOffice.assistance(incident.incidentId())));
        frontOffice.outcome(incident.incidentId()).ifPresent(outcome -> view.put("outcome", outcome(outcome)));
        return view;
    }

    Map<String, Object> close(Incident incident, String body, String supervisor) {
        return show(frontOffice.close(incident.incidentId(), outcome(body), supervisor));
    }

    List<Map<String, Object>> assistance(Incident incident) {
        return assistanceViews(frontOffice.assistance(incident.incidentId()));
    }

    Map<String, Object> addAssistance(Incident incident, String body, String user) {
        return assistance(frontOffice.addAssistance(incident.incidentId(), assistance(body, user), user));
    }

    /** Returns the outcome of a {@code POST /incidents/{id}/close} body; all four figures are required. */
    static IncidentOutcome outcome(String body) {
        JsonFields fields = JsonFields.parse(body, CLOSE_FIELDS);
        int max = IncidentOutcome.MAX_PEOPLE;
        try {
            return new IncidentOutcome(fields.requiredInteger("peopleRescued", 0, max), fields.requiredInteger("firstAidOnScene", 0, max),
                    fields.requiredInteger("takenToHospital", 0, max), fields.requiredInteger("deathsOnScene", 0, max));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Returns the assistance of a {@code POST /incidents/{id}/assistance} body; {@code givenBy} defaults to the user. */
    static Assistance assistance(String body, String user) {
        JsonFields fields = JsonFields.parse(body, ASSISTANCE_FIELDS);
        AssistanceRecipient givenTo = fields.requiredParsed("givenTo", AssistanceRecipient::parse, "\"caller\" or \"crew\"");
        AssistanceKind kind = fields.requiredParsed("kind", AssistanceKind::parse, "\"first-aid-instruction\"");
        String vehicleId = fields.text("vehicleId", 64);
        if (givenTo == AssistanceRecipient.CREW && vehicleId == null) {
            throw ApiException.badRequest("field 'vehicleId' is missing; guidance to a crew names its vehicle, such as \"AMB-LHR-101\"");
        }
        String givenBy = fields.text("givenBy", 100);
        try {
            return new Assistance(null, null, fields.instant("givenAt"), givenBy == null ? user : givenBy, givenTo, vehicleId, kind,
                    fields.requiredText("text", Assistance.MAX_TEXT, "\"Keep pressure on the wound\""), null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    static Map<String, Object> outcome(IncidentOutcome outcome) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("peopleRescued", outcome.peopleRescued());
        view.put("firstAidOnScene", outcome.firstAidOnScene());
        view.put("takenToHospital", outcome.takenToHospital());
        view.put("deathsOnScene", outcome.deathsOnScene());
        return view;
    }

    static Map<String, Object> assistance(Assistance assistance) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("assistanceId", assistance.assistanceId());
        view.put("incidentId", assistance.incidentId());
        view.put("givenAt", assistance.givenAt());
        view.put("givenBy", assistance.givenBy());
        view.put("givenTo", assistance.givenTo().label());
        if (assistance.vehicleId() != null) {
            view.put("vehicleId", assistance.vehicleId());
        }
        view.put("kind", assistance.kind().label());
        view.put("text", assistance.text());
        view.put("recordedBy", assistance.recordedBy());
        return view;
    }

    private static List<Map<String, Object>> assistanceViews(List<Assistance> records) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Assistance record : records) {
            views.add(assistance(record));
        }
        return views;
    }
}
