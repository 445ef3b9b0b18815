package org.rescuegrid.frontoffice;

import java.util.List;

/** Kind of emergency, with the vehicle types the front office recommends for it, most needed first. */
public enum IncidentType {
    ROAD_TRAFFIC_ACCIDENT(List.of(VehicleType.AMBULANCE, VehicleType.RESCUE)),
    FIRE(List.of(VehicleType.FIRE, VehicleType.RESCUE)),
    MEDICAL_EMERGENCY(List.of(VehicleType.AMBULANCE, VehicleType.MOTORBIKE)),
    BUILDING_COLLAPSE(List.of(VehicleType.RESCUE, VehicleType.AMBULANCE, VehicleType.FIRE)),
    DROWNING(List.of(VehicleType.RESCUE, VehicleType.AMBULANCE)),
    EXPLOSION(List.of(VehicleType.FIRE, VehicleType.AMBULANCE, VehicleType.RESCUE)),
    OTHER(List.of(VehicleType.AMBULANCE, VehicleType.RESCUE));

    private final List<VehicleType> vehicleTypes;

    IncidentType(List<VehicleType> vehicleTypes) {
        this.vehicleTypes = vehicleTypes;
    }

    public List<VehicleType> vehicleTypes() {
        return vehicleTypes;
    }

    /** Parses {@code road-traffic-accident}, {@code fire}... in any case. */
    public static IncidentType parse(String text) {
        return Parsing.parse(IncidentType.class, "incident type", text);
    }

    public String label() {
        return Parsing.label(this);
    }
}
