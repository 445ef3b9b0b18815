package org.rescuegrid.frontoffice;

/** Bus endpoints of the front office, on the node's one CamelContext. */
public final class FrontOfficeEndpoints {

    /** Response-clock alerts, body {@link ResponseAlert}, sent once per incident. */
    public static final String RESPONSE_ALERT = "seda:rescuegrid.frontoffice.response-alert?size=1000&blockWhenFull=false&discardIfNoConsumers=true";

    /** Driving events, body {@link DriverEvent}, sent after they are stored. */
    public static final String DRIVER_EVENT = "seda:rescuegrid.frontoffice.driver-event?size=1000&blockWhenFull=false&discardIfNoConsumers=true";

    private FrontOfficeEndpoints() {
    }
}
