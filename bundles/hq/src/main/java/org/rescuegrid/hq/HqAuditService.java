package org.rescuegrid.hq;

import java.util.List;

/** Checks HQ's copies of the district nodes' hash-chained audit trails with the rule the nodes use. */
public interface HqAuditService {

    /** Returns the codes of the district nodes HQ has audit records of, in name order. */
    List<String> districts();

    /**
     * Walks one district's audit records at HQ in sequence order and returns the first one that is edited,
     * missing or out of place. A district with no audit records at HQ verifies with zero records.
     *
     * @param district the code the district node uploads with, such as PB-LHR
     */
    HqAuditVerification verify(String district);
}
