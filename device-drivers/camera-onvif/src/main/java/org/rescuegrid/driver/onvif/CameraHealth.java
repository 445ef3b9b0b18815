package org.rescuegrid.driver.onvif;

/** Health of one configured camera as the driver last saw it. */
public enum CameraHealth {
    /** Configured, first contact not finished yet. */
    CONNECTING,
    /** Reachable, authenticated and, if events are followed, subscribed. */
    ONLINE,
    /** No response: connection refused, reset or timed out. */
    UNREACHABLE,
    /** The camera rejected the user name or password. */
    AUTHENTICATION_FAILED,
    /** The camera returned a SOAP fault or a response the driver cannot read. */
    FAULT,
    /** Reachable, but the event subscription failed and is being recreated. */
    SUBSCRIPTION_LOST
}
