package org.rescuegrid.frontoffice;

/**
 * A vehicle of the fleet and what it is doing now.
 *
 * @param station name of its home station in the gazetteer
 * @param incidentId incident it is committed to, or null when available
 * @param step its latest step on that incident, or null when available
 * @param lastFixTime time of its latest valid GPS fix, or null when none arrived since the node started
 */
public record Vehicle(String vehicleId, VehicleType type, String station, String incidentId, Step step, java.time.Instant lastFixTime) {

    public boolean available() {
        return incidentId == null;
    }

    /** Returns "available" or the label of the vehicle's latest step. */
    public String status() {
        return step == null ? "available" : step.label();
    }
}
