package org.rescuegrid.frontoffice;

/**
 * One timestamped step of an incident. A dispatched vehicle goes through the vehicle steps
 * ({@link #DISPATCHED} to {@link #BACK_IN_SERVICE}) on its own. The incident's time of a vehicle step
 * is that of the first vehicle to reach it, except {@link #LEFT_SCENE} and {@link #BACK_IN_SERVICE},
 * which the incident reaches when its last vehicle does.
 */
public enum Step {
    CALL_RECEIVED, CREATED, DISPATCHED, LEFT_STATION, ON_SCENE, LEFT_SCENE, AT_HOSPITAL, BACK_IN_SERVICE, CLOSED;

    public static Step parse(String text) {
        return Parsing.parse(Step.class, "step", text);
    }

    public String label() {
        return Parsing.label(this);
    }

    /** Returns whether a vehicle goes through this step, as opposed to the incident as a whole. */
    public boolean isVehicleStep() {
        return ordinal() >= DISPATCHED.ordinal() && ordinal() <= BACK_IN_SERVICE.ordinal();
    }
}
