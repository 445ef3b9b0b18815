package org.rescuegrid.hq;

import java.time.Instant;
import java.util.Map;

/**
 * The figures the service publishes for one province or district and period: calls, emergencies, people and
 * response, plus driver behaviour. Calls and emergencies are those whose first call was received in
 * {@code [from, to)}; outcomes belong to those emergencies; driving events are those that happened in the period.
 *
 * @param district district as the province names it, or null for the whole province
 * @param kpi calls by disposition, emergencies by type and response times, exactly as the dashboard shows them
 * @param outcomes what the crews reported when they closed the period's emergencies
 * @param driverEventsByType driving events per type label, such as overspeed; null for a district, see
 *        {@link HqReportService#report}
 */
public record HqReport(String province, String district, Instant from, Instant to, HqKpi kpi, Outcomes outcomes,
        Map<String, Long> driverEventsByType) {

    /** Disposition label of the calls that are emergencies. */
    public static final String EMERGENCY = "emergency";

    public HqReport {
        driverEventsByType = driverEventsByType == null ? null : Map.copyOf(driverEventsByType);
    }

    /** Returns the number of calls received, whatever their disposition. */
    public long callsReceived() {
        return kpi.callsByDisposition().values().stream().mapToLong(Long::longValue).sum();
    }

    public long emergencyCalls() {
        return kpi.callsByDisposition().getOrDefault(EMERGENCY, 0L);
    }

    /** Returns the number of emergencies (incidents), of all types. */
    public long emergencies() {
        return kpi.incidentsByType().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Outcome totals over the emergencies closed with an outcome. First aid on scene and taken to hospital count
     * people among those rescued, who may also have needed neither.
     *
     * @param incidents emergencies of the period with a recorded outcome
     */
    public record Outcomes(int incidents, long peopleRescued, long firstAidOnScene, long takenToHospital, long deathsOnScene) {
    }
}
