package org.rescuegrid.onvif;

import java.time.Instant;
import java.util.Optional;

/**
 * The camera's clock as GetSystemDateAndTime reports it.
 *
 * @param dateTimeType "Manual" or "NTP"
 * @param timeZone the POSIX TZ string, empty when the camera sends none
 * @param utcTime the camera's UTC time to the second, or null when it reports only local time
 */
public record SystemDateAndTime(String dateTimeType, boolean daylightSavings, String timeZone, Instant utcTime) {

    public Optional<Instant> utc() {
        return Optional.ofNullable(utcTime);
    }
}
