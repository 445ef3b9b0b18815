package org.rescuegrid.api.driver;

/**
 * A running instance of a device driver, one per factory configuration. Drivers register this
 * service so that the console can show which listeners and connections exist and what state they are in.
 */
public interface DeviceDriver {

    /** Returns the protocol the driver decodes, for example {@code nmea}. */
    String protocol();

    /** Returns where the driver listens or connects, for example {@code tcp://127.0.0.1:5010}. */
    String endpoint();

    DriverStatus status();
}
