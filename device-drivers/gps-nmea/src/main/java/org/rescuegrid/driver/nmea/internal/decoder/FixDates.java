package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Dating of a UTC time of day for epochs without an RMC date (GGA- or GLL-only streams).
 */
final class FixDates {

    private FixDates() {
    }

    /**
     * Returns the date, among the day before, the day of and the day after {@code reference},
     * that puts {@code timeOfDay} nearest to {@code reference}.
     *
     * <p>This settles midnight: a fix stamped 23:59:59 that is dated with a reference of
     * 00:00:01 on 2 March belongs to 1 March, and a fix stamped 00:00:01 with a reference of
     * 23:59:59 on 1 March belongs to 2 March. It is only right while the true time is less than
     * 12 hours from the reference.
     */
    static LocalDate nearestDate(LocalTime timeOfDay, Instant reference) {
        LocalDate referenceDate = reference.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate best = referenceDate;
        Duration bestDistance = null;
        for (int offsetDays = -1; offsetDays <= 1; offsetDays++) {
            LocalDate candidate = referenceDate.plusDays(offsetDays);
            Instant instant = candidate.atTime(timeOfDay).toInstant(ZoneOffset.UTC);
            Duration distance = Duration.between(instant, reference).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }
}
