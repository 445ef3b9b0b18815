package org.rescuegrid.hq;

import java.time.Duration;
import java.time.Instant;

/** Computes key figures at HQ from the calls and incidents the provinces uploaded. */
public interface HqKpiService {

    /**
     * Returns the figures of one province's calls and incidents whose first call was received in {@code [from, to)}.
     * A shift's figures are those of the period of that shift.
     *
     * @param district district as the province names it, or null for the whole province
     * @param target response time the share within target is measured against, 7 minutes in Rescue 1122's standard
     */
    HqKpi kpi(String province, String district, Instant from, Instant to, Duration target);
}
