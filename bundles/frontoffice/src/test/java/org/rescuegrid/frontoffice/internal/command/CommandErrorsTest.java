package org.rescuegrid.frontoffice.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.internal.CommandTestServices;

/**
 * Bad arguments and refused changes of the front-office commands reach the console as Karaf's
 * CommandException, which the console prints as one sentence instead of logging an ERROR.
 */
class CommandErrorsTest {

    private static final Instant START = Instant.parse("2026-12-04T04:00:00Z");
    private static final String TIME_FORM = "write an ISO-8601 UTC time such as 2026-12-04T10:07:00Z";
    private static final String PLACE_FORM = "write LAT,LON in WGS84 decimal degrees, for example 31.5106,74.3428";
    private static final String UNKNOWN_INCIDENT = "incident 'INC-404' does not exist; rescue:incident-list shows the open incidents";

    private CommandTestServices services;
    private String incidentId;

    @BeforeEach
    void start() throws SQLException {
        services = new CommandTestServices(START);
        incidentId = services.frontOffice.receiveCall(NewCall.emergency(START, null, IncidentType.FIRE, new Location(31.5106, 74.3428, null)))
                .incidentId();
    }

    @Test
    void incidentShowUnknownId() {
        IncidentShowCommand command = new IncidentShowCommand();
        command.frontOffice = services.frontOffice;
        command.incidentId = "INC-404";

        assertEquals(UNKNOWN_INCIDENT, message(command));
    }

    @Test
    void dispatchUnknownIncidentAndVehicle() {
        DispatchCommand command = new DispatchCommand();
        command.frontOffice = services.frontOffice;
        command.incidentId = "INC-404";
        assertEquals(UNKNOWN_INCIDENT, message(command));

        command.incidentId = incidentId;
        command.vehicleId = "AMB-XXX-1";
        assertEquals("vehicle 'AMB-XXX-1' is not in the fleet; rescue:incident-show lists the recommended vehicles", message(command));
    }

    @Test
    void dispatchBusyVehicleRefused() {
        services.frontOffice.dispatch(incidentId, "FIRE-LHR-211", "op1");
        DispatchCommand command = new DispatchCommand();
        command.frontOffice = services.frontOffice;
        command.incidentId = incidentId;
        command.vehicleId = "FIRE-LHR-211";

        assertEquals("vehicle FIRE-LHR-211 is not available: it is committed to incident " + incidentId, message(command));
    }

    @Test
    void incidentStepBadTimeAndStep() {
        IncidentStepCommand command = new IncidentStepCommand();
        command.frontOffice = services.frontOffice;
        command.incidentId = incidentId;
        command.vehicleId = "FIRE-LHR-211";
        command.step = "on-scene";
        command.at = "noon";
        assertEquals("--at 'noon' is invalid; " + TIME_FORM, message(command));

        command.at = null;
        command.step = "arrived";
        assertEquals("step 'arrived' is invalid; use one of " + stepNames(), message(command));
    }

    @Test
    void callNewBadPlaceTypeAndDisposition() {
        CallNewCommand command = new CallNewCommand();
        command.frontOffice = services.frontOffice;
        command.type = "fire";
        command.at = "31.5106";
        assertEquals("--at '31.5106' is invalid; " + PLACE_FORM, message(command));

        command.at = "31.5,east";
        assertEquals("--at '31.5,east' is invalid; " + PLACE_FORM, message(command));

        command.at = "95,74.3";
        assertEquals("--at '95,74.3' is invalid; " + PLACE_FORM + " (latitude 95.0 is outside -90..90 degrees)", message(command));

        command.at = "31.6,74.3";
        command.type = "flood";
        assertEquals("incident type 'flood' is invalid; use one of road-traffic-accident, fire, medical-emergency, building-collapse, drowning,"
                + " explosion, other", message(command));

        command.type = "fire";
        command.disposition = "prank";
        assertEquals("disposition 'prank' is invalid; use one of emergency, nuisance, information, wrong-number, blank, dropped, fake",
                message(command));
    }

    @Test
    void callReclassifyUnknownCallAndDisposition() {
        CallReclassifyCommand command = new CallReclassifyCommand();
        command.frontOffice = services.frontOffice;
        command.callId = "CALL-404";
        command.disposition = "joke";
        assertEquals("disposition 'joke' is invalid; use one of emergency, nuisance, information, wrong-number, blank, dropped, fake",
                message(command));

        command.disposition = "fake";
        assertEquals("call 'CALL-404' does not exist; give a call id such as CALL-000012, as rescue:incident-show lists them", message(command));
    }

    @Test
    void assistanceAddBadKindRecipientAndTime() {
        AssistanceAddCommand command = new AssistanceAddCommand();
        command.frontOffice = services.frontOffice;
        command.incidentId = incidentId;
        command.words = List.of("keep", "the", "patient", "warm");
        command.kind = "prayer";
        assertEquals("assistance kind 'prayer' is invalid; use one of first-aid-instruction, doctor-advice, safety-instruction, directions,"
                + " other", message(command));

        command.kind = "first-aid-instruction";
        command.to = "police";
        assertEquals("recipient 'police' is invalid; use one of caller, crew", message(command));

        command.to = "crew";
        assertEquals("guidance to a crew names its vehicle; add --vehicle VEHICLE", message(command));

        command.to = "caller";
        command.at = "10:03";
        assertEquals("--at '10:03' is invalid; " + TIME_FORM, message(command));

        command.at = null;
        command.incidentId = "INC-404";
        assertEquals(UNKNOWN_INCIDENT, message(command));
    }

    @Test
    void incidentCloseBadOutcomeAndActiveVehicles() {
        IncidentCloseCommand command = new IncidentCloseCommand();
        command.frontOffice = services.frontOffice;
        command.incidentId = incidentId;
        command.rescued = -1;
        assertEquals("peopleRescued -1 is invalid; use a whole number from 0 to 10000", message(command));

        command.rescued = 0;
        services.frontOffice.dispatch(incidentId, "FIRE-LHR-211", "op1");
        assertEquals("incident " + incidentId + " cannot be closed while vehicles FIRE-LHR-211 are not back in service", message(command));
    }

    @Test
    void kpiBadPeriodAndShift() {
        KpiCommand command = new KpiCommand();
        command.frontOffice = services.frontOffice;
        command.from = "yesterday";
        assertEquals("--from 'yesterday' is invalid; write a UTC date such as 2026-12-04 or a time such as 2026-12-04T10:00:00Z", message(command));

        command.from = null;
        command.day = "4 Dec";
        assertEquals("--day '4 Dec' is invalid; write a date such as 2026-12-04", message(command));

        command.day = "2026-12-04";
        command.shift = "graveyard";
        assertEquals("shift 'graveyard' is unknown; use one of " + services.frontOffice.kpiCalendar().shifts(), message(command));
    }

    @Test
    void driverCommandsBadArguments() {
        DriverScoresCommand scores = new DriverScoresCommand();
        scores.driving = services.driving;
        scores.frontOffice = services.frontOffice;
        scores.day = "today";
        assertEquals("--day 'today' is invalid; write a date such as 2026-12-04", message(scores));

        scores.day = "2026-12-04";
        scores.shift = "graveyard";
        assertEquals("shift 'graveyard' is unknown; use one of " + services.frontOffice.kpiCalendar().shifts(), message(scores));

        DriverAssignCommand assign = new DriverAssignCommand();
        assign.driving = services.driving;
        assign.vehicleId = "AMB-XXX-1";
        assign.driverId = "DRV-7";
        assertEquals("vehicle 'AMB-XXX-1' is not in the fleet; the console completes the fleet's vehicle ids", message(assign));

        assign.vehicleId = "AMB-LHR-101";
        assign.driverId = "DRV 7";
        assertEquals("driver id 'DRV 7' is invalid; use 1-64 letters, digits, '.', '_' or '-'", message(assign));
    }

    @Test
    void databaseFailureStaysAnError() {
        IllegalStateException failure = new IllegalStateException("calls could not be read from the database",
                new SQLException("connection closed"));
        FrontOfficeCommand command = new FrontOfficeCommand() {
            @Override
            protected Object run() {
                throw failure;
            }
        };

        assertSame(failure, assertThrows(IllegalStateException.class, command::execute));
    }

    private static String message(FrontOfficeCommand command) {
        return assertThrows(CommandException.class, command::execute).getMessage();
    }

    private static String stepNames() {
        return String.join(", ", List.of("call-received", "created", "dispatched", "left-station", "on-scene", "left-scene", "at-hospital",
                "back-in-service", "closed"));
    }
}
