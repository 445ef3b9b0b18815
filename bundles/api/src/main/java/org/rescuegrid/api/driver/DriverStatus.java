package org.rescuegrid.api.driver;

/**
 * Health of a driver instance as a status with a sentence for the operator, rather than a stream of warnings.
 *
 * @param state ONLINE, OFFLINE or UNKNOWN
 * @param detail what the operator should know, for example why the listener is offline; empty when ONLINE
 */
public record DriverStatus(State state, String detail) {

    public enum State { ONLINE, OFFLINE, UNKNOWN }

    public static DriverStatus online() {
        return new DriverStatus(State.ONLINE, "");
    }

    public static DriverStatus offline(String detail) {
        return new DriverStatus(State.OFFLINE, detail);
    }

    public static DriverStatus unknown(String detail) {
        return new DriverStatus(State.UNKNOWN, detail);
    }
}
