package org.rescuegrid.frontoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The districts and shifts the front office's KPIs are split by, and the time zone their days and shifts
 * are counted in. The shifts cover the day without gaps or overlaps, so every instant falls in exactly one.
 *
 * @param districts district names, sorted
 * @param shifts shifts in the order of their start time
 */
public record KpiCalendar(ZoneId zone, List<String> districts, List<Shift> shifts) {

    /** A shift on one day: the day is the local date the shift starts on. */
    public record ShiftDay(Shift shift, LocalDate day, Instant start, Instant end) {
    }

    /** A period of time, {@code [start, end)}. */
    public record Period(Instant start, Instant end) {
    }

    public KpiCalendar {
        districts = List.copyOf(districts);
        shifts = List.copyOf(shifts);
    }

    /** Returns the shift an instant falls in. */
    public ShiftDay shiftOf(Instant time) {
        LocalDate date = time.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(date, date.minusDays(1))) {
            for (Shift shift : shifts) {
                ShiftDay candidate = on(shift, day);
                if (!time.isBefore(candidate.start()) && time.isBefore(candidate.end())) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no shift covers " + time + " in " + zone + "; the shifts " + shifts + " must cover the whole day");
    }

    /** Returns a shift's period on a day. */
    public ShiftDay on(Shift shift, LocalDate day) {
        ZonedDateTime start = day.atTime(shift.start()).atZone(zone);
        return new ShiftDay(shift, day, start.toInstant(), start.plus(shift.length()).toInstant());
    }

    /** Returns the period of a day: from the start of its first shift to the end of its last. */
    public Period dayPeriod(LocalDate day) {
        Instant start = null;
        Instant end = null;
        for (Shift shift : shifts) {
            ShiftDay period = on(shift, day);
            start = start == null || period.start().isBefore(start) ? period.start() : start;
            end = end == null || period.end().isAfter(end) ? period.end() : end;
        }
        return new Period(start, end);
    }

    /** Returns the shift of that name, ignoring case. */
    public Optional<Shift> shift(String name) {
        return shifts.stream().filter(s -> s.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    /** Returns the district of that name as configured, ignoring case. */
    public Optional<String> district(String name) {
        return districts.stream().filter(d -> d.equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}
