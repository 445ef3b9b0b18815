package org.rescuegrid.api.uplink;

import java.time.LocalDate;

/** Compares the records this node stored for one day with those HQ holds. Implemented by the uplink bundle. */
public interface UplinkReconciler {

    /**
     * Compares the counts and event ids of every record type with HQ for one UTC day and, when {@code resend}
     * is set, appends the records HQ lacks to the outbox again.
     *
     * @param listLimit how many missing ids of each type the result lists; the counts cover them all
     * @throws IllegalStateException when HQ cannot be reached or rejects the request
     */
    ReconciliationResult reconcile(LocalDate day, boolean resend, int listLimit);
}
