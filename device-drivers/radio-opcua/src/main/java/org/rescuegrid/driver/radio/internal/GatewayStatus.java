package org.rescuegrid.driver.radio.internal;

import java.time.Instant;
import java.util.List;

/**
 * Health of one gateway connection for the console.
 *
 * @param state connection state
 * @param detail why the gateway is not online and what to do, empty when online
 * @param radios radio objects found on the gateway
 * @param monitoredItems monitored items the gateway accepted, the event item included
 * @param eventTypes browse names of the gateway event types the subscription follows
 * @param reconnects times the connection came back after it was lost
 * @param reconnectDelays first and longest wait between connection attempts, such as {@code 1-30 s}
 * @param since when the gateway entered its current state
 */
public record GatewayStatus(String name, String endpointUrl, String security, String identity, State state, String detail,
        int radios, int monitoredItems, List<String> eventTypes, long reconnects, String reconnectDelays, Instant since) {

    public enum State { CONNECTING, ONLINE, RECONNECTING, OFFLINE, STOPPED }
}
