package org.rescuegrid.frontoffice.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rescuegrid.frontoffice.Shift;

/** Parses the shift and time zone settings of the KPIs. */
final class Shifts {

    private static final Pattern SHIFT = Pattern.compile("([A-Za-z][A-Za-z0-9_-]{0,31})=(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    static final String FORM = "comma-separated NAME=HH:MM-HH:MM that cover the day without overlaps, such as"
            + " morning=08:00-16:00,evening=16:00-24:00,night=00:00-08:00";

    private Shifts() {
    }

    /** Parses {@code morning=08:00-16:00,...}; the shifts must cover the 24 hours of a day exactly once. */
    static List<Shift> parse(String key, String value) {
        if (value == null || value.isBlank()) {
            throw FrontOfficeSettings.invalid(key, String.valueOf(value), FORM);
        }
        List<Shift> shifts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : value.split(",")) {
            Matcher matcher = SHIFT.matcher(part.strip());
            if (!matcher.matches()) {
                throw FrontOfficeSettings.invalid(key, value, FORM);
            }
            String name = matcher.group(1);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw FrontOfficeSettings.invalid(key, value, FORM + "; shift " + name + " appears twice");
            }
            shifts.add(new Shift(name, time(key, value, matcher.group(2), matcher.group(3)), time(key, value, matcher.group(4), matcher.group(5))));
        }
        shifts.sort(Comparator.comparing(Shift::start));
        long covered = 0;
        for (int i = 0; i < shifts.size(); i++) {
            Shift shift = shifts.get(i);
            Shift next = shifts.get((i + 1) % shifts.size());
            if (!shift.end().equals(next.start())) {
                throw FrontOfficeSettings.invalid(key, value, FORM + "; shift " + shift.name() + " ends at " + shift.end()
                        + " but the next one starts at " + next.start());
            }
            covered += shift.length().toMinutes();
        }
        if (covered != Duration.ofDays(1).toMinutes()) {
            throw FrontOfficeSettings.invalid(key, value, FORM + "; the shifts add up to " + covered + " minutes instead of 1440");
        }
        return List.copyOf(shifts);
    }

    private static LocalTime time(String key, String value, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h == 24 && m == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (h > 23 || m > 59) {
            throw FrontOfficeSettings.invalid(key, value, FORM + "; " + hours + ":" + minutes + " is not a time of day");
        }
        return LocalTime.of(h, m);
    }

    static ZoneId zone(String key, String value) {
        try {
            return ZoneId.of(value == null ? "" : value.strip());
        } catch (DateTimeException e) {
            throw FrontOfficeSettings.invalid(key, String.valueOf(value), "a time zone id such as Asia/Karachi or UTC");
        }
    }
}
