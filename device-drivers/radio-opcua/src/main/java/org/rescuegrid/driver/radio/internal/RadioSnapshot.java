package org.rescuegrid.driver.radio.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a gateway last reported about one radio. Values the gateway does not report are null.
 *
 * @param radioId radio id, also the device id in the device registry
 * @param gateway name of the gateway configuration
 * @param statusCode the gateway's status code
 * @param unitStatus unit status the code maps to, or null when the table has no entry for it
 * @param rssiDbm received signal strength in dBm
 * @param batteryPercent battery charge in percent
 * @param lastTransmission when the radio last transmitted, as the gateway reports it
 * @param lastHeard when the driver last received a value of this radio
 * @param online whether the gateway connection is up, so the values are current
 */
public record RadioSnapshot(String radioId, String gateway, Integer statusCode, UnitStatus unitStatus, String talkGroup,
        Double rssiDbm, Double batteryPercent, Double latitude, Double longitude, Instant lastTransmission, Instant lastHeard,
        boolean online) {

    /** Returns the attributes of a radio.status event; values that are not reported are left out. */
    Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("gateway", gateway);
        put(attributes, "statusCode", statusCode);
        attributes.put("unitStatus", unitStatus == null ? "unmapped" : unitStatus.label());
        put(attributes, "talkGroup", talkGroup);
        put(attributes, "rssiDbm", rssiDbm);
        put(attributes, "batteryPercent", batteryPercent);
        put(attributes, "latitude", latitude);
        put(attributes, "longitude", longitude);
        put(attributes, "lastTransmission", lastTransmission);
        return attributes;
    }

    /** Returns whether a reported value differs, ignoring when the radio was heard and the connection state. */
    boolean sameValues(RadioSnapshot other) {
        return other != null && attributes().equals(other.attributes());
    }

    private static void put(Map<String, String> attributes, String key, Object value) {
        if (value != null) {
            attributes.put(key, value.toString());
        }
    }
}
