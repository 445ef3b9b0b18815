package org.rescuegrid.frontoffice.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.AssistanceKind;
import org.rescuegrid.frontoffice.AssistanceRecipient;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.IncidentOutcome;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.rest.ApiException;
import org.rescuegrid.frontoffice.rest.QueryParameters;

class RequestBodiesTest {

    @Test
    void callWithCoordinates() {
        NewCall call = RequestBodies.call("{\"type\":\"road-traffic-accident\",\"latitude\":31.5106,\"longitude\":74.3428,"
                + "\"callerNumber\":\" 03001110001 \",\"peopleAffected\":2,\"receivedAt\":\"2026-12-04T10:00:00Z\"}", "asma");

        assertEquals(IncidentType.ROAD_TRAFFIC_ACCIDENT, call.type());
        assertEquals(31.5106, call.location().latitude());
        assertEquals(74.3428, call.location().longitude());
        assertEquals("03001110001", call.callerNumber());
        assertEquals(2, call.peopleAffected());
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), call.receivedAt());
        assertEquals(Disposition.EMERGENCY, call.disposition());
        assertEquals("asma", call.operator());
        assertFalse(call.newIncident());
    }

    @Test
    void callWithLandmarkAndDisposition() {
        NewCall call = RequestBodies.call("{\"landmark\":\"Data Darbar\",\"disposition\":\"wrong-number\",\"newIncident\":true}", "asma");

        assertEquals("Data Darbar", call.landmark());
        assertNull(call.location());
        assertEquals(Disposition.WRONG_NUMBER, call.disposition());
        assertTrue(call.newIncident());
    }

    @Test
    void duplicateFieldRejected() {
        assertMessage("field 'latitude' appears more than once; send each field once",
                () -> RequestBodies.call("{\"type\":\"fire\",\"latitude\":31.45,\"longitude\":73.1,\"latitude\":0}", "u"));
    }

    @Test
    void callRejectionsNameFieldAndForm() {
        assertMessage("field 'latitude' value 95 is invalid; send a number from -90.0 to 90.0",
                () -> RequestBodies.call("{\"latitude\":95,\"longitude\":74}", "u"));
        assertMessage("fields 'latitude' and 'longitude' go together",
                () -> RequestBodies.call("{\"latitude\":31.5}", "u"));
        assertMessage("exclude each other",
                () -> RequestBodies.call("{\"latitude\":31.5,\"longitude\":74.3,\"landmark\":\"Data Darbar\"}", "u"));
        assertMessage("field 'type': incident type 'flood' is invalid; use one of road-traffic-accident, fire",
                () -> RequestBodies.call("{\"type\":\"flood\"}", "u"));
        assertMessage("field 'peopleAffected' value \"3\" is invalid; send a whole number from 0 to 10000",
                () -> RequestBodies.call("{\"peopleAffected\":\"3\"}", "u"));
        assertMessage("field 'peopleAffected' value 2.5 is invalid",
                () -> RequestBodies.call("{\"peopleAffected\":2.5}", "u"));
        assertMessage("field 'receivedAt' value \"10:00\" is invalid; send an ISO-8601 UTC time",
                () -> RequestBodies.call("{\"receivedAt\":\"10:00\"}", "u"));
        assertMessage("field 'newIncident' value \"yes\" is invalid; send true or false",
                () -> RequestBodies.call("{\"newIncident\":\"yes\"}", "u"));
        assertMessage("field 'caller' is unknown; accepted fields are receivedAt, callerNumber",
                () -> RequestBodies.call("{\"caller\":\"0300\"}", "u"));
    }

    @Test
    void bodyMustBeJsonObject() {
        assertMessage("body is not valid JSON", () -> RequestBodies.call("{\"type\":", "u"));
        assertMessage("body must be a JSON object with the fields receivedAt", () -> RequestBodies.call("[1,2]", "u"));
        assertMessage("field 'vehicleId' is missing; send a string such as \"AMB-LHR-101\"", () -> RequestBodies.dispatchVehicle(""));
    }

    @Test
    void stepReport() {
        RequestBodies.StepReport report = RequestBodies.step("{\"vehicleId\":\"AMB-LHR-101\",\"step\":\"on-scene\",\"at\":\"2026-12-04T10:07:00Z\"}");

        assertEquals("AMB-LHR-101", report.vehicleId());
        assertEquals(Step.ON_SCENE, report.step());
        assertEquals(Instant.parse("2026-12-04T10:07:00Z"), report.at());
        assertNull(RequestBodies.step("{\"vehicleId\":\"AMB-LHR-101\",\"step\":\"left-scene\"}").at());
    }

    @Test
    void stepRejectsIncidentSteps() {
        assertMessage("field 'step' value \"closed\" is invalid here", () -> RequestBodies.step("{\"vehicleId\":\"A\",\"step\":\"closed\"}"));
        assertMessage("field 'step' value \"dispatched\" is invalid here", () -> RequestBodies.step("{\"vehicleId\":\"A\",\"step\":\"dispatched\"}"));
        assertMessage("field 'step': step 'arrived' is invalid; use one of", () -> RequestBodies.step("{\"vehicleId\":\"A\",\"step\":\"arrived\"}"));
    }

    @Test
    void reclassificationNeedsDisposition() {
        assertEquals(Disposition.FAKE, RequestBodies.reclassification("{\"disposition\":\"fake\"}"));
        assertMessage("field 'disposition' is missing; send a string such as \"fake\"", () -> RequestBodies.reclassification("{}"));
    }

    @Test
    void outcomeNeedsAllFigures() {
        IncidentOutcome outcome = IncidentActions.outcome("{\"peopleRescued\":3,\"firstAidOnScene\":1,\"takenToHospital\":2,\"deathsOnScene\":1}");

        assertEquals(new IncidentOutcome(3, 1, 2, 1), outcome);
        assertMessage("field 'deathsOnScene' is missing; send a whole number from 0 to 10000",
                () -> IncidentActions.outcome("{\"peopleRescued\":3,\"firstAidOnScene\":1,\"takenToHospital\":2}"));
        assertMessage("field 'peopleRescued' value -1 is invalid; send a whole number from 0 to 10000",
                () -> IncidentActions.outcome("{\"peopleRescued\":-1,\"firstAidOnScene\":0,\"takenToHospital\":0,\"deathsOnScene\":0}"));
        assertMessage("firstAidOnScene 2 plus takenToHospital 2 is more than peopleRescued 3",
                () -> IncidentActions.outcome("{\"peopleRescued\":3,\"firstAidOnScene\":2,\"takenToHospital\":2,\"deathsOnScene\":0}"));
    }

    @Test
    void assistanceDefaultsGiverToUser() {
        Assistance assistance = IncidentActions.assistance("{\"givenTo\":\"caller\",\"kind\":\"first-aid-instruction\","
                + "\"text\":\"Keep pressure on the wound\"}", "asma");

        assertEquals("asma", assistance.givenBy());
        assertEquals(AssistanceRecipient.CALLER, assistance.givenTo());
        assertEquals(AssistanceKind.FIRST_AID_INSTRUCTION, assistance.kind());
        assertNull(assistance.givenAt());
        assertNull(assistance.vehicleId());
    }

    @Test
    void assistanceRejections() {
        assertMessage("field 'vehicleId' is missing; guidance to a crew names its vehicle",
                () -> IncidentActions.assistance("{\"givenTo\":\"crew\",\"kind\":\"doctor-advice\",\"text\":\"x\"}", "u"));
        assertMessage("field 'kind': assistance kind 'advice' is invalid; use one of first-aid-instruction, doctor-advice",
                () -> IncidentActions.assistance("{\"givenTo\":\"crew\",\"kind\":\"advice\",\"text\":\"x\"}", "u"));
        assertMessage("field 'text' is missing", () -> IncidentActions.assistance("{\"givenTo\":\"caller\",\"kind\":\"other\"}", "u"));
        assertMessage("vehicle AMB-1 is given for guidance to the caller",
                () -> IncidentActions.assistance("{\"givenTo\":\"caller\",\"vehicleId\":\"AMB-1\",\"kind\":\"other\",\"text\":\"x\"}", "u"));
    }

    @Test
    void basicCredentials() {
        // "asma:s3cret:x" in Base64; the password may contain colons.
        BasicCredentials credentials = BasicCredentials.parse("Basic YXNtYTpzM2NyZXQ6eA==").orElseThrow();

        assertEquals("asma", credentials.user());
        assertEquals("s3cret:x", credentials.password());
        assertFalse(credentials.toString().contains("s3cret"), "toString leaves the password out");
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic ***").isEmpty());
        assertTrue(BasicCredentials.parse("Basic OnNlY3JldA==").isEmpty(), "':secret' has no user");
    }

    @Test
    void queryParameters() {
        QueryParameters query = QueryParameters.parse("type=road-traffic-accident&vehicle=AMB%2DLHR%2D101&alert=", java.util.List.of("type", "vehicle", "alert"));

        assertEquals("road-traffic-accident", query.get("type"));
        assertEquals("AMB-LHR-101", query.get("vehicle"));
        assertNull(query.get("alert"));
        assertMessage("query parameter 'kind' is unknown; accepted parameters are type", () -> QueryParameters.parse("kind=x", java.util.List.of("type")));
        assertMessage("query parameter 'type' is given twice", () -> QueryParameters.parse("type=a&type=b", java.util.List.of("type")));
    }

    @Test
    void relativePathDropsBaseAndQuery() {
        assertEquals("/incidents/INC-000001", RestApiRoutes.relativePath("/api/v1/incidents/INC-000001?x=1"));
        assertEquals("", RestApiRoutes.relativePath("/api/v1"));
        assertEquals("/kpi", RestApiRoutes.relativePath("http://127.0.0.1:8123/api/v1/kpi"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable executable) {
        ApiException e = assertThrows(ApiException.class, executable);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }
}
