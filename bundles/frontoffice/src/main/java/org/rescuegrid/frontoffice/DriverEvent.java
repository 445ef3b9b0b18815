package org.rescuegrid.frontoffice;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One driving event, attributed to the driver assigned to the vehicle when it was detected.
 *
 * @param driverId driver assigned to the vehicle, or null when none was
 * @param time time of the fix or tracker event that started it
 * @param speedKmh speed at that time, or null when the tracker event carried none
 * @param limitKmh limit the speed was measured against, or null for braking, acceleration and idling
 * @param value acceleration in m/s² (negative when braking) for harsh events, idle minutes for long idling, otherwise null
 * @param fromTracker whether the tracker reported the event, as opposed to the front office deriving it from fixes
 * @param shift name of the shift the event falls in
 * @param shiftDay day that shift started on, in the KPI time zone
 */
public record DriverEvent(String eventId, String vehicleId, VehicleType vehicleType, String driverId, DriverEventType type, Instant time,
        Double speedKmh, Double limitKmh, Double value, boolean fromTracker, String shift, LocalDate shiftDay) {
}
