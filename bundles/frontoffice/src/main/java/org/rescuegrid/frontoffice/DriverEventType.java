package org.rescuegrid.frontoffice;

/** Kind of driving behaviour the front office records, with the points it takes off a driver's shift score. */
public enum DriverEventType {
    /** Faster than the limit of the vehicle's type, on any run. */
    OVERSPEED(5),
    HARSH_BRAKING(3),
    HARSH_ACCELERATION(2),
    /** Engine on and standing still for longer than the configured time. */
    LONG_IDLING(2),
    /** Faster than the limit for runs without a patient: available, on the way back from hospital or back in service. */
    SPEEDING_WITHOUT_PATIENT(5);

    private final int penalty;

    DriverEventType(int penalty) {
        this.penalty = penalty;
    }

    /** Returns the points one event of this kind takes off a score of 100. */
    public int penalty() {
        return penalty;
    }

    public static DriverEventType parse(String text) {
        return Parsing.parse(DriverEventType.class, "driver event type", text);
    }

    public String label() {
        return Parsing.label(this);
    }
}
