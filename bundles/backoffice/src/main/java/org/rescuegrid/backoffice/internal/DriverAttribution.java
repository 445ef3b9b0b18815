package org.rescuegrid.backoffice.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.rescuegrid.frontoffice.DriverEvent;

/**
 * Attributes the front office's driver-behaviour events through the roster. An event belongs to the crew
 * member rostered on its vehicle at the event's time, in the roster that was in use then. A roster change
 * during a shift therefore moves only the later events to the new crew. With several crew members on the
 * vehicle the first in rota order is taken, because the rota lists the driver first.
 */
public final class DriverAttribution {

    /**
     * One event and who it is attributed to.
     *
     * @param staffId crew member on the vehicle, or null when the roster has no staff on it then
     */
    public record AttributedEvent(DriverEvent event, String staffId, String station, String district, String shift) {
    }

    /**
     * Events of one group.
     *
     * @param byType number of events per event type label, by label
     */
    public record Tally(String key, int events, Map<String, Integer> byType) {
    }

    private DriverAttribution() {
    }

    public static List<AttributedEvent> attribute(List<DriverEvent> events, Function<Instant, Roster> rosterAt) {
        List<AttributedEvent> result = new ArrayList<>();
        for (DriverEvent event : events) {
            Roster roster = rosterAt.apply(event.time());
            List<Roster.OnDuty> onDuty = roster.onDuty(event.vehicleId(), event.time());
            Optional<Roster.OnDuty> crew = onDuty.stream().filter(d -> d.staff().role().equals("crew")).findFirst()
                    .or(() -> onDuty.stream().findFirst());
            String shift = crew.map(Roster.OnDuty::shift).orElseGet(() -> roster.shiftAt(event.time()).map(Roster.Shift::name).orElse(null));
            result.add(new AttributedEvent(event, crew.map(d -> d.staff().staffId()).orElse(null), crew.map(d -> d.staff().station()).orElse(null),
                    crew.map(d -> d.staff().district()).orElse(null), shift));
        }
        return result;
    }

    /** Returns the grouping key of compliance scores ({@code staff}, {@code station}, {@code district} or {@code shift}) for events. */
    public static Function<AttributedEvent, String> key(String by) {
        return switch (by) {
            case "staff" -> AttributedEvent::staffId;
            case "station" -> AttributedEvent::station;
            case "district" -> AttributedEvent::district;
            case "shift" -> AttributedEvent::shift;
            default -> throw new IllegalArgumentException("grouping '" + by + "' is invalid; use staff, station, district or shift");
        };
    }

    /** Counts the events per group (events with a null key are left out), most events first, then by key. */
    public static List<Tally> tally(List<AttributedEvent> events, Function<AttributedEvent, String> key) {
        Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
        for (AttributedEvent event : events) {
            String k = key.apply(event);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new TreeMap<>()).merge(event.event().type().label(), 1, Integer::sum);
            }
        }
        List<Tally> tallies = new ArrayList<>();
        groups.forEach((k, byType) -> tallies.add(new Tally(k, byType.values().stream().mapToInt(Integer::intValue).sum(), Map.copyOf(byType))));
        tallies.sort(Comparator.comparingInt((Tally t) -> -t.events()).thenComparing(Tally::key));
        return tallies;
    }
}
