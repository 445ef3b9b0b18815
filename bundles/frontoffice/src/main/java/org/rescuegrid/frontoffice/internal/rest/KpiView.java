package org.rescuegrid.frontoffice.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rescuegrid.frontoffice.Kpi;

/** The JSON form of {@link Kpi}: enum keys in their console form, durations in seconds. */
final class KpiView {

    private KpiView() {
    }

    static Map<String, Object> of(Kpi kpi) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", kpi.from());
        view.put("to", kpi.to());
        view.put("callsByDisposition", RestApi.labelled(kpi.callsByDisposition()));
        view.put("incidentsByType", RestApi.labelled(kpi.incidentsByType()));
        view.put("responded", kpi.responded());
        view.put("withinTarget", kpi.withinTarget());
        view.put("targetSeconds", kpi.target().toSeconds());
        view.put("response", stats(kpi.response()));
        view.put("callHandling", stats(kpi.callHandling()));
        view.put("dispatch", stats(kpi.dispatch()));
        view.put("travel", stats(kpi.travel()));
        return view;
    }

    private static Map<String, Object> stats(Kpi.Stats stats) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("count", stats.count());
        if (stats.count() > 0) {
            view.put("meanSeconds", stats.mean().toSeconds());
            view.put("medianSeconds", stats.median().toSeconds());
            view.put("p90Seconds", stats.p90().toSeconds());
        }
        return view;
    }
}
