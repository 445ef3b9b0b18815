package org.rescuegrid.frontoffice;

import java.time.Duration;
import java.time.Instant;

/**
 * An available vehicle ranked for an incident by its estimated travel time.
 *
 * @param fromGps whether the estimate starts at the vehicle's latest valid GPS fix; false when it starts at
 *        its station because no fix is recent enough
 * @param positionTime time of that fix, or null when the estimate starts at the station
 * @param roadDistanceKm straight-line distance times the road factor
 * @param speedKmh speed the estimate assumes: the recent fleet speed around the incident, never below the floor
 */
public record Recommendation(String vehicleId, VehicleType type, String station, boolean fromGps, Instant positionTime,
        double roadDistanceKm, double speedKmh, Duration eta) {
}
