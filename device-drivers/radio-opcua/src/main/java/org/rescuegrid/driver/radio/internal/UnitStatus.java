package org.rescuegrid.driver.radio.internal;

import java.util.Locale;
import java.util.Optional;

/** Unit statuses of the front office that gateway status codes map to. */
public enum UnitStatus {
    AVAILABLE, DISPATCHED, EN_ROUTE, ON_SCENE, AT_HOSPITAL, OUT_OF_SERVICE;

    /** Returns the form used in configuration and event attributes, such as {@code en-route}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<UnitStatus> fromLabel(String label) {
        for (UnitStatus status : values()) {
            if (status.label().equals(label)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
