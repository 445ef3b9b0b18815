package org.rescuegrid.frontoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Driving behaviour of the fleet: overspeed, harsh braking and acceleration, long idling and speeding without
 * a patient, each event attributed to the driver assigned to the vehicle and scored per driver and shift.
 * Every event and assignment is stored with its outbox record for HQ before it is returned or sent on
 * {@link FrontOfficeEndpoints#DRIVER_EVENT}.
 */
public interface DriverBehaviourService {

    /**
     * Assigns a driver to a vehicle of the fleet from now on, replacing the previous driver.
     *
     * @throws IllegalArgumentException for a vehicle outside the fleet or a malformed driver id
     */
    void assign(String vehicleId, String driverId, String user);

    /** Returns the current driver of each vehicle that has one, by vehicle id. */
    Map<String, String> assignments();

    /** Returns the events detected in {@code [from, to)}, oldest first. */
    List<DriverEvent> events(Instant from, Instant to);

    /**
     * Returns the scores of the drivers with events on a day, in one shift or in all, lowest score first.
     *
     * @param shift a shift of {@link FrontOfficeService#kpiCalendar()}, or null for every shift of the day
     */
    List<DriverScore> scores(LocalDate day, String shift);
}
