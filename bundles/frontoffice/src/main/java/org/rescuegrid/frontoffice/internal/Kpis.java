package org.rescuegrid.frontoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.Step;

/** Computes the front office's key figures from calls and incidents. */
final class Kpis {

    private Kpis() {
    }

    static Kpi compute(Instant from, Instant to, List<CallRecord> calls, List<Incident> incidents, Duration target) {
        Map<Disposition, Long> byDisposition = new EnumMap<>(Disposition.class);
        for (Disposition disposition : Disposition.values()) {
            byDisposition.put(disposition, 0L);
        }
        for (CallRecord call : calls) {
            byDisposition.merge(call.disposition(), 1L, Long::sum);
        }
        Map<IncidentType, Long> byType = new EnumMap<>(IncidentType.class);
        for (Incident incident : incidents) {
            byType.merge(incident.type(), 1L, Long::sum);
        }

        List<Duration> response = new ArrayList<>();
        List<Duration> callHandling = new ArrayList<>();
        List<Duration> dispatch = new ArrayList<>();
        List<Duration> travel = new ArrayList<>();
        int withinTarget = 0;
        for (Incident incident : incidents) {
            Optional<Duration> responseTime = incident.responseTime();
            if (responseTime.isPresent()) {
                response.add(responseTime.get());
                if (responseTime.get().compareTo(target) <= 0) {
                    withinTarget++;
                }
                incident.between(Step.CALL_RECEIVED, Step.CREATED).ifPresent(callHandling::add);
                incident.between(Step.CREATED, Step.DISPATCHED).ifPresent(dispatch::add);
                incident.between(Step.DISPATCHED, Step.ON_SCENE).ifPresent(travel::add);
            }
        }
        return new Kpi(from, to, byDisposition, byType, response.size(), withinTarget, target, stats(response), stats(callHandling),
                stats(dispatch), stats(travel));
    }

    static Kpi.Stats stats(List<Duration> values) {
        if (values.isEmpty()) {
            return new Kpi.Stats(0, null, null, null);
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        long totalMillis = 0;
        for (Duration value : sorted) {
            totalMillis += value.toMillis();
        }
        return new Kpi.Stats(sorted.size(), Duration.ofMillis(Math.round((double) totalMillis / sorted.size())), nearestRank(sorted, 50),
                nearestRank(sorted, 90));
    }

    /** Returns the value at the nearest rank ceil(p/100 * n) of a sorted list. */
    static Duration nearestRank(List<Duration> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
