package org.rescuegrid.api.bus;

/**
 * Camel endpoints through which bundles meet on the platform CamelContext. All routes run in the
 * one context of the bus bundle, so a {@code direct:} endpoint of one bundle is reachable from the
 * routes of every other bundle.
 */
public final class BusEndpoints {

    /**
     * Decoded position fixes, body {@link org.rescuegrid.api.position.PositionFix}. Request-reply: the
     * call returns after the fix is committed, so a driver acknowledges its device only then. The
     * endpoint blocks for up to 30 seconds while its consumer is being redeployed.
     */
    public static final String POSITION = "direct:rescuegrid.position?block=true&timeout=30000";

    /**
     * Stored positions after commit, body {@link org.rescuegrid.api.position.StoredPosition}, for live consumers.
     * Every consumer receives every position.
     */
    public static final String POSITION_STORED = "seda:rescuegrid.position.stored?size=10000&blockWhenFull=false&discardIfNoConsumers=true"
            + "&multipleConsumers=true";

    /**
     * Device events, body {@link org.rescuegrid.api.event.DeviceEvent}. Request-reply like {@link #POSITION}:
     * the call returns the {@link org.rescuegrid.api.event.StoredDeviceEvent} after the commit.
     */
    public static final String DEVICE_EVENT = "direct:rescuegrid.device-event?block=true&timeout=30000";

    /**
     * Stored device events after commit, body {@link org.rescuegrid.api.event.StoredDeviceEvent}, for live consumers.
     * Every consumer receives every event, so services that follow different event types do not take each other's.
     */
    public static final String DEVICE_EVENT_STORED = "seda:rescuegrid.device-event.stored?size=10000&blockWhenFull=false&discardIfNoConsumers=true"
            + "&multipleConsumers=true";

    private BusEndpoints() {
    }
}
