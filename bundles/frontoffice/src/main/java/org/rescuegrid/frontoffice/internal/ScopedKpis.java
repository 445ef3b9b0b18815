package org.rescuegrid.frontoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.KpiCalendar;
import org.rescuegrid.frontoffice.Step;

/** Computes the key figures of one district and shift from the calls and incidents of a period. */
final class ScopedKpis {

    private ScopedKpis() {
    }

    /**
     * Keeps the calls and incidents of the district and shift, and computes their figures.
     *
     * @param district district name as configured, or null for all
     * @param shift shift name as configured, or null for all
     */
    static Kpi compute(Instant from, Instant to, List<CallRecord> calls, List<Incident> incidents, Duration target, Districts districts,
            KpiCalendar calendar, String district, String shift) {
        Map<String, String> incidentDistricts = new HashMap<>();
        List<Incident> keptIncidents = new ArrayList<>();
        for (Incident incident : incidents) {
            String incidentDistrict = districts.districtOf(incident.location());
            incidentDistricts.put(incident.incidentId(), incidentDistrict);
            if (matches(incidentDistrict, incident.time(Step.CALL_RECEIVED), calendar, district, shift)) {
                keptIncidents.add(incident);
            }
        }
        List<CallRecord> keptCalls = new ArrayList<>();
        for (CallRecord call : calls) {
            String callDistrict = call.location() == null && incidentDistricts.containsKey(call.incidentId())
                    ? incidentDistricts.get(call.incidentId()) : districts.districtOf(call.location());
            if (matches(callDistrict, call.receivedAt(), calendar, district, shift)) {
                keptCalls.add(call);
            }
        }
        return Kpis.compute(from, to, keptCalls, keptIncidents, target);
    }

    private static boolean matches(String actualDistrict, Instant received, KpiCalendar calendar, String district, String shift) {
        if (district != null && !district.equals(actualDistrict)) {
            return false;
        }
        return shift == null || calendar.shiftOf(received).shift().name().equals(shift);
    }
}
