package org.rescuegrid.hq;

import java.time.Instant;
import java.util.Map;

/**
 * The figures the service publishes for one province or district and period: calls, emergencies, people and
 * response, plus driver behaviour. Calls and emergencies are those whose first call was received in
 * {@code [from, to)}; outcomes belong to those emergencies; driving events are those that happened in the period.
 * Compliance covers the closed incidents created in the period, the selection of the dashboard's compliance panel.
 *
 * @param district district as the province names it, or null for the whole province
 * @param kpi calls by disposition, emergencies by type and response times, exactly as the dashboard shows them
 * @param outcomes what the crews reported when they closed the period's emergencies
 * @param driverEventsByType driving events per type label, such as overspeed, of the district node that sent
 *        them; null for a district, see {@link HqReportService#report}
 * @param compliance procedure steps of the area's closed incidents as the district's back office evaluated them
 */
public record HqReport(String province, String district, Instant from, Instant to, HqKpi kpi, Outcomes outcomes,
        Map<String, Long> driverEventsByType, Compliance compliance) {

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

    /**
     * Compliance of the procedure steps of closed incidents created in the period. Met, late and missed steps
     * are counted, steps that did not apply are not, and the score is the met share of the counted steps.
     *
     * @param incidents closed incidents with at least one step result
     * @param scorePercent met steps in percent of counted steps, rounded to a whole number; null when none was counted
     * @param totalLateSeconds sum of the delays of the late steps
     */
    public record Compliance(int incidents, int met, int late, int missed, int notApplicable, Integer scorePercent, long totalLateSeconds) {
    }
}
