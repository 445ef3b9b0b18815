package org.rescuegrid.hq;

import java.time.Duration;
import java.time.Instant;

/** Computes the monthly and on-demand reports from the records the provinces uploaded. */
public interface HqReportService {

    /** Rescue 1122's response standard that the reports measure against. */
    Duration RESPONSE_TARGET = Duration.ofMinutes(7);

    /**
     * Returns the report of one province or district for {@code [from, to)}. Its call, emergency and response
     * figures come from {@link HqKpiService#kpi} for the same period, so the report and the dashboard agree.
     * Driving events carry no district when they reach HQ, so a district's report has none.
     *
     * @param district district as the province names it, or null for the whole province
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    HqReport report(String province, String district, Instant from, Instant to);
}
