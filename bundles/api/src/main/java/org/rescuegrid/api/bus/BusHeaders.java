package org.rescuegrid.api.bus;

/** Names of Camel message headers the platform sets, all with one prefix. */
public final class BusHeaders {

    public static final String PREFIX = "RescueGrid";

    /** Device that sent the message. */
    public static final String DEVICE_ID = PREFIX + "DeviceId";

    /** Driver protocol that decoded the message. */
    public static final String PROTOCOL = PREFIX + "Protocol";

    private BusHeaders() {
    }
}
