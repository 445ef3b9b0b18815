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
     * Driving events and compliance are attributed by the district node that sent them, which HQ stores as
     * {@code province}, so they equal the dashboard's driving-event and compliance panels for the same period.
     * A district below a node is the place of a call, and a driving event carries no place, so a district's
     * report has no driving events. Its compliance is that of the steps whose responsible person the node's
     * roster placed in that district, the node's compliance by district on the dashboard.
     *
     * @param district district as the province names it, or null for the whole province
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    HqReport report(String province, String district, Instant from, Instant to);
}
