package org.rescuegrid.frontoffice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The front office: takes calls, runs incidents through their steps, recommends and dispatches
 * vehicles. Every change is stored with its outbox record for HQ in one transaction before the method
 * returns. Methods throw IllegalArgumentException for invalid input, such as an unknown id or a
 * malformed value. They throw IllegalStateException for a change the incident's state does not allow.
 * Both messages name the reason.
 */
public interface FrontOfficeService {

    /** Returns the repeat-nuisance flag and the duplicate offers for a call, without storing anything. */
    CallCheck check(NewCall call);

    /**
     * Stores a call. An emergency call creates an incident, or joins the one in {@code attachTo}.
     *
     * @throws IllegalStateException when the call matches an open incident of the same type and the
     *         operator has neither attached it nor confirmed a new incident
     */
    CallRecord receiveCall(NewCall call);

    /**
     * Changes the disposition of a stored call, for example to {@link Disposition#FAKE} when the crew found
     * nothing. A call cannot become an emergency this way; the operator records a new call instead. The
     * incident a call created stays and is closed as usual.
     */
    CallRecord reclassify(String callId, Disposition disposition, String supervisor);

    /** Returns an incident, open or closed. */
    Optional<Incident> incident(String incidentId);

    /** Returns the open incidents, oldest call first. */
    List<Incident> openIncidents();

    /** Returns a stored call. */
    Optional<CallRecord> call(String callId);

    /** Returns the calls of an incident, first first. */
    List<CallRecord> calls(String incidentId);

    /** Returns the available vehicles of the types the incident needs, fastest first. */
    List<Recommendation> recommend(String incidentId);

    /** Sends an available vehicle to an open incident. */
    Incident dispatch(String incidentId, String vehicleId, String operator);

    /**
     * Records a vehicle step, or {@link Step#CLOSED} with a null vehicle. A step the vehicle already
     * reached is kept with its first time and source; the new report is stored for audit only.
     *
     * @param at when the step happened, or null for now
     */
    Incident recordStep(String incidentId, String vehicleId, Step step, Instant at, StepSource source, String user);

    /** Closes an incident whose vehicles are all back in service, without an outcome; prefer the form with one. */
    Incident close(String incidentId, String supervisor);

    /** Closes an incident whose vehicles are all back in service and stores its outcome for HQ in the same transaction. */
    Incident close(String incidentId, IncidentOutcome outcome, String supervisor);

    /** Returns the outcome recorded when the incident closed; empty while it is open or when it closed without one. */
    Optional<IncidentOutcome> outcome(String incidentId);

    /**
     * Stores technical assistance given during an open incident. The record's id, incident and recording user
     * are set here; a null {@code givenAt} means now.
     *
     * @throws IllegalArgumentException when the time is before the call or in the future, or the crew's vehicle is
     *         not dispatched to the incident
     */
    Assistance addAssistance(String incidentId, Assistance assistance, String user);

    /** Returns the technical assistance recorded on an incident, in the order it was given. */
    List<Assistance> assistance(String incidentId);

    /** Returns the key figures of the calls received in {@code [from, to)}. */
    Kpi kpi(Instant from, Instant to);

    /**
     * Returns the key figures of the calls received in {@code [from, to)} in one district and shift. A call
     * belongs to the district of its place (or of its incident's), an incident to that of its place, and both
     * to the shift their first call was received in.
     *
     * @param district a district of {@link #kpiCalendar()}, or null for all
     * @param shift a shift name of {@link #kpiCalendar()}, or null for all
     * @throws IllegalArgumentException for an unknown district or shift, naming the known ones
     */
    Kpi kpi(Instant from, Instant to, String district, String shift);

    /** Returns the districts, shifts and time zone the KPIs are split by. */
    KpiCalendar kpiCalendar();

    /** Returns the fleet with each vehicle's current status, ordered by id. */
    List<Vehicle> vehicles();

    /** Returns the gazetteer's landmark names, sorted. */
    List<String> landmarks();
}
