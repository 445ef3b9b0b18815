package org.rescuegrid.hq;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Key figures HQ computes from a province's calls and incidents received in {@code [from, to)}, by the same
 * rules as the province's front office: response is call received to first vehicle on scene, and its splits
 * (call handling, dispatch, travel) count only incidents with a vehicle on scene.
 *
 * @param callsByDisposition number of calls per disposition label, such as nuisance; dispositions without calls are absent
 * @param incidentsByType number of incidents per type label, such as fire
 * @param responded incidents with a vehicle on scene
 * @param withinTarget of those, the ones reached within the target
 */
public record HqKpi(String province, String district, Instant from, Instant to, Map<String, Long> callsByDisposition,
        Map<String, Long> incidentsByType, int responded, int withinTarget, Duration target, Stats response, Stats callHandling,
        Stats dispatch, Stats travel) {

    public HqKpi {
        callsByDisposition = Map.copyOf(callsByDisposition);
        incidentsByType = Map.copyOf(incidentsByType);
    }

    /**
     * Summary of durations: mean rounded to the millisecond, median and 90th percentile by the nearest-rank
     * method; all three are null when {@code count} is 0.
     */
    public record Stats(int count, Duration mean, Duration median, Duration p90) {
    }
}
