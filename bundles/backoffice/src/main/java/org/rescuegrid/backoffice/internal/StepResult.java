package org.rescuegrid.backoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How one step of an incident's procedure was handled.
 *
 * @param dueAt deadline, or null when the step has none or its earlier step has not happened
 * @param doneAt when the fact that marks the step was recorded, or null
 * @param late how far past the deadline the step was done, or null unless {@link Status#LATE}
 * @param staffId responsible person from the roster, or null when the roster has none for the post
 * @param shift shift the step fell in, or null
 */
public record StepResult(String incidentId, String sopType, int sopVersion, int order, String stepId, String role, String fact, Status status,
        Instant dueAt, Instant doneAt, Duration late, String staffId, String station, String district, String shift) {

    /** The outcome of a step. */
    public enum Status {
        /** Done by its deadline, or done when it has none. */
        MET,
        /** Done after its deadline. */
        LATE,
        /** The incident closed without the step. */
        MISSED,
        /** Not done, the incident is open and the deadline has passed. */
        OVERDUE,
        /** Not done, the incident is open and the deadline has not passed. */
        PENDING,
        /** An optional step whose fact never came, for example a hospital handover when no vehicle went to hospital. */
        NOT_APPLICABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
