package org.rescuegrid.backoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.rescuegrid.frontoffice.Assignment;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;

/**
 * Evaluates an incident against its procedure from the facts recorded so far. A step is done at the time
 * of its fact, and its deadline is the done time of its earlier step plus the allowed time. The
 * responsible person depends on the role. The call taker is the staff member whose login recorded the
 * first call, else the one on desk:call-taking. The dispatcher is the one whose login dispatched the
 * first vehicle, else the one on desk:dispatch. The crew is the one who ticked the checklist, else the
 * one rostered on the vehicle. The hospital liaison is the one on desk:hospital.
 */
public final class ComplianceEvaluator {

    private ComplianceEvaluator() {
    }

    /**
     * @param facts checklist ticks, assistance records and snapshots of the incident
     * @param now the time an open incident's deadlines are compared with
     */
    public static List<StepResult> evaluate(Sop sop, Incident incident, List<CallRecord> calls, List<IncidentFact> facts,
            Function<Instant, Roster> rosterAt, Instant now) {
        Map<String, Instant> done = new HashMap<>();
        List<StepResult> results = new ArrayList<>();
        int order = 0;
        for (Sop.SopStep step : sop.steps()) {
            order++;
            Optional<IncidentFact> fact = factOf(step, facts);
            Instant doneAt = switch (step.fact().kind()) {
                case LIFECYCLE -> incident.time(step.fact().step());
                default -> fact.map(IncidentFact::at).orElse(null);
            };
            if (doneAt != null) {
                done.put(step.id(), doneAt);
            }
            Instant anchor = step.after() == null ? null : done.get(step.after());
            Instant dueAt = anchor == null || step.within() == null ? null : anchor.plus(step.within());
            StepResult.Status status;
            Duration late = null;
            if (doneAt != null) {
                status = dueAt == null || !doneAt.isAfter(dueAt) ? StepResult.Status.MET : StepResult.Status.LATE;
                late = status == StepResult.Status.LATE ? Duration.between(dueAt, doneAt) : null;
            } else if (!incident.open()) {
                status = step.required() ? StepResult.Status.MISSED : StepResult.Status.NOT_APPLICABLE;
            } else {
                status = dueAt != null && now.isAfter(dueAt) ? StepResult.Status.OVERDUE : StepResult.Status.PENDING;
            }
            Instant when = attributionTime(doneAt, dueAt, anchor, incident.time(Step.CALL_RECEIVED));
            // The roster in use when the step was due names the person, so a later roster change leaves past results alone.
            Roster roster = rosterAt.apply(when);
            Optional<Roster.OnDuty> person = responsible(step, incident, calls, fact, roster, when);
            String shift = person.map(Roster.OnDuty::shift).orElseGet(() -> roster.shiftAt(when).map(Roster.Shift::name).orElse(null));
            Roster.Staff staff = person.map(Roster.OnDuty::staff).orElse(null);
            results.add(new StepResult(incident.incidentId(), sop.incidentType().label(), sop.version(), order, step.id(), step.role(),
                    step.fact().toString(), status, dueAt, doneAt, late, staff == null ? null : staff.staffId(), staff == null ? null : staff.station(),
                    staff == null ? null : staff.district(), shift));
        }
        return results;
    }

    /** Returns the time the responsible person is looked up at: when the step was done, else when it was due. */
    private static Instant attributionTime(Instant doneAt, Instant dueAt, Instant anchor, Instant callReceived) {
        if (doneAt != null) {
            return doneAt;
        }
        if (dueAt != null) {
            return dueAt;
        }
        return anchor != null ? anchor : callReceived;
    }

    private static Optional<IncidentFact> factOf(Sop.SopStep step, List<IncidentFact> facts) {
        return facts.stream()
                .filter(f -> f.kind() == step.fact().kind()
                        && (f.name().equals(step.fact().name()) || step.fact().kind() == Sop.FactKind.SNAPSHOT && step.fact().name().equals("any")))
                .min(Comparator.comparing(IncidentFact::at));
    }

    private static Optional<Roster.OnDuty> responsible(Sop.SopStep step, Incident incident, List<CallRecord> calls, Optional<IncidentFact> fact,
            Roster roster, Instant when) {
        Optional<Roster.Staff> named = Optional.empty();
        String desk;
        String vehicle = null;
        switch (step.role()) {
            case "call-taker" -> {
                named = calls.stream().min(Comparator.comparing(CallRecord::receivedAt)).flatMap(c -> roster.byLogin(c.operator()));
                desk = "desk:call-taking";
            }
            case "dispatcher" -> {
                named = firstVehicle(incident).flatMap(a -> roster.byLogin(a.dispatchedBy()));
                desk = "desk:dispatch";
            }
            case "crew" -> {
                named = fact.map(IncidentFact::staffId).flatMap(roster::staff);
                vehicle = vehicleOf(step, incident).orElse(null);
                desk = vehicle;
            }
            default -> desk = "desk:hospital";
        }
        Optional<Roster.Shift> shift = roster.shiftAt(when);
        if (named.isPresent()) {
            Roster.Staff staff = named.get();
            return Optional.of(new Roster.OnDuty(staff, shift.map(Roster.Shift::name).orElse(null), desk));
        }
        if (desk == null) {
            return Optional.empty();
        }
        List<Roster.OnDuty> onDuty = roster.onDuty(desk, when);
        return onDuty.stream().filter(d -> d.staff().role().equals(step.role())).findFirst().or(() -> onDuty.stream().findFirst());
    }

    private static Optional<Assignment> firstVehicle(Incident incident) {
        return incident.vehicles().stream().min(Comparator.comparing((Assignment a) -> a.steps().get(Step.DISPATCHED)));
    }

    /** Returns the vehicle that set a lifecycle step's incident time, or else the first vehicle dispatched. */
    private static Optional<String> vehicleOf(Sop.SopStep step, Incident incident) {
        if (step.fact().step() != null) {
            Instant time = incident.time(step.fact().step());
            Optional<Assignment> setter = incident.vehicles().stream().filter(a -> time != null && time.equals(a.steps().get(step.fact().step())))
                    .findFirst();
            if (setter.isPresent()) {
                return Optional.of(setter.get().vehicleId());
            }
        }
        return firstVehicle(incident).map(Assignment::vehicleId);
    }
}
