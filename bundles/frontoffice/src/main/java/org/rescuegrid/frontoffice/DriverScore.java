package org.rescuegrid.frontoffice;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A driver's driving events on one shift and the score they leave: 100 minus the penalty of each event
 * ({@link DriverEventType#penalty()}), never below 0.
 *
 * @param driverId driver, or null for the events of vehicles nobody was assigned to
 */
public record DriverScore(String driverId, LocalDate day, String shift, Map<DriverEventType, Integer> events, int score) {

    public DriverScore {
        EnumMap<DriverEventType, Integer> copy = new EnumMap<>(DriverEventType.class);
        copy.putAll(events);
        events = Collections.unmodifiableMap(copy);
    }
}
