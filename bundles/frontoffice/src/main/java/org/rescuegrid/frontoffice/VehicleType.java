package org.rescuegrid.frontoffice;

/** Kind of vehicle in the fleet. */
public enum VehicleType {
    AMBULANCE, FIRE, RESCUE, MOTORBIKE, WATER_RESCUE;

    public static VehicleType parse(String text) {
        return Parsing.parse(VehicleType.class, "vehicle type", text);
    }

    public String label() {
        return Parsing.label(this);
    }
}
