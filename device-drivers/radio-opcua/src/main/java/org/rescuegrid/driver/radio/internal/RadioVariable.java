package org.rescuegrid.driver.radio.internal;

import java.util.Optional;

/**
 * Variables of a radio object that the driver subscribes to, by browse name. Browse names are matched
 * without their namespace index and ignoring case, because gateways put their model in different namespaces.
 */
enum RadioVariable {
    RADIO_ID("RadioId", true),
    TALK_GROUP("TalkGroup", false),
    STATUS_CODE("StatusCode", true),
    RSSI("Rssi", false),
    BATTERY("Battery", false),
    LATITUDE("Latitude", false),
    LONGITUDE("Longitude", false),
    LAST_TRANSMISSION("LastTransmission", false);

    private final String browseName;
    private final boolean required;

    RadioVariable(String browseName, boolean required) {
        this.browseName = browseName;
        this.required = required;
    }

    String browseName() {
        return browseName;
    }

    /** Returns whether a radio object without this variable is skipped. */
    boolean required() {
        return required;
    }

    static Optional<RadioVariable> fromBrowseName(String name) {
        for (RadioVariable variable : values()) {
            if (variable.browseName.equalsIgnoreCase(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }
}
