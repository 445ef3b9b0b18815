package org.rescuegrid.frontoffice;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A named working period of the day in the KPI time zone, such as morning 08:00-16:00. A shift whose end
 * is not after its start runs past midnight and belongs to the day it starts on.
 *
 * @param end end of the shift, exclusive; {@link LocalTime#MIDNIGHT} for a shift that ends at 24:00
 */
public record Shift(String name, LocalTime start, LocalTime end) {

    /** Returns the length of the shift, more than zero and at most 24 hours. */
    public Duration length() {
        Duration length = Duration.between(start, end);
        return length.isNegative() || length.isZero() ? length.plusDays(1) : length;
    }

    /** Returns the shift as it is configured, {@code morning=08:00-16:00}. */
    @Override
    public String toString() {
        return name + "=" + start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
