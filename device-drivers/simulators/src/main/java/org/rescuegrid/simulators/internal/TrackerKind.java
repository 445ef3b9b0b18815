package org.rescuegrid.simulators.internal;

/** The protocol a simulated vehicle speaks, which decides the driver it reaches and how each epoch is encoded. */
enum TrackerKind {
    /** NMEA 0183 lines after a registration line, over TCP. */
    NMEA,
    /** GT06 login and location packets over TCP. */
    GT06,
    /** Teltonika IMEI handshake and Codec 8 AVL packets over TCP. */
    TELTONIKA_8,
    /** Teltonika IMEI handshake and Codec 8 Extended AVL packets over TCP. */
    TELTONIKA_8E,
    /** OsmAnd location reports as HTTP GET requests. */
    OSMAND
}
