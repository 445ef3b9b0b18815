package org.rescuegrid.frontoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Key figures for the calls received in {@code [from, to)} and the incidents they created.
 *
 * @param responded incidents with a vehicle on scene
 * @param withinTarget of those, the ones reached within the response target (7 minutes by default)
 * @param response call received to on scene
 * @param callHandling call received to incident created
 * @param dispatch incident created to the first vehicle dispatched
 * @param travel first vehicle dispatched to the first vehicle on scene
 */
public record Kpi(Instant from, Instant to, Map<Disposition, Long> callsByDisposition, Map<IncidentType, Long> incidentsByType,
        int responded, int withinTarget, Duration target, Stats response, Stats callHandling, Stats dispatch, Stats travel) {

    /** Returns the share of responded incidents reached within the target, 0 to 1, or NaN when none responded. */
    public double shareWithinTarget() {
        return responded == 0 ? Double.NaN : (double) withinTarget / responded;
    }

    /**
     * Summary of durations. Median and 90th percentile use the nearest-rank method, so they are always
     * one of the measured durations; all three are null when {@code count} is 0.
     */
    public record Stats(int count, Duration mean, Duration median, Duration p90) {
    }
}
