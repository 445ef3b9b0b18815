package org.rescuegrid.driver.radio.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rescuegrid.api.event.DeviceEventTypes;

/**
 * An OPC UA event the gateway raised about one radio.
 *
 * @param radioId radio id, also the device id in the device registry
 * @param gateway name of the gateway configuration
 * @param time the event's Time field, when the gateway saw it happen
 * @param severity OPC UA severity from 1 (lowest) to 1000 (highest), or null when the gateway sent none
 * @param message the event's Message text, or null
 * @param sourceName the event's SourceName, or null
 */
record RadioAlert(Kind kind, String radioId, String gateway, Instant time, Integer severity, String message, String sourceName) {

    /** Kind of radio event. */
    enum Kind {
        /** The crew pressed the radio's emergency button. */
        EMERGENCY(DeviceEventTypes.RADIO_EMERGENCY),
        /** The gateway stopped hearing the radio, while the gateway itself is still connected. */
        OFFLINE(DeviceEventTypes.RADIO_OFFLINE);

        private final String deviceEventType;

        Kind(String deviceEventType) {
            this.deviceEventType = deviceEventType;
        }

        String deviceEventType() {
            return deviceEventType;
        }
    }

    /** Returns the attributes of the device event; values the gateway did not send are left out. */
    Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("gateway", gateway);
        attributes.put("source", "gateway-event");
        if (severity != null) {
            attributes.put("severity", severity.toString());
        }
        if (message != null && !message.isBlank()) {
            attributes.put("message", message);
        }
        if (sourceName != null && !sourceName.isBlank()) {
            attributes.put("sourceName", sourceName);
        }
        return attributes;
    }
}
