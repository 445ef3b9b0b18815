package org.rescuegrid.driver.gt06.internal.decoder;

/** A decoded GT06 packet of one of the types the driver handles. Every type carries the serial number its reply echoes. */
public sealed interface Gt06Message {

    int serial();

    /** Login (protocol 0x01): the terminal id, the IMEI without the leading padding digit. */
    record Login(String imei, int serial) implements Gt06Message {
    }

    /** GPS location (protocol 0x12, or 0x22 from GT06N and later firmware). */
    record Location(GpsData gps, int serial) implements Gt06Message {
    }

    /** Status information, the heartbeat (protocol 0x13). */
    record Status(TerminalStatus status, int serial) implements Gt06Message {
    }

    /** Alarm (protocol 0x16): the position at the time of the alarm and the terminal's status. */
    record Alarm(GpsData gps, TerminalStatus status, int serial) implements Gt06Message {
    }
}
