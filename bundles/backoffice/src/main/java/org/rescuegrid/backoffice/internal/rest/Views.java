package org.rescuegrid.backoffice.internal.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rescuegrid.backoffice.internal.AuditRecord;
import org.rescuegrid.backoffice.internal.AuditVerification;
import org.rescuegrid.backoffice.internal.DriverAttribution;
import org.rescuegrid.backoffice.internal.Readiness;
import org.rescuegrid.backoffice.internal.Roster;
import org.rescuegrid.backoffice.internal.Scores;
import org.rescuegrid.backoffice.internal.Sop;
import org.rescuegrid.backoffice.internal.SopLibrary;
import org.rescuegrid.backoffice.internal.StepResult;

/** JSON views of the back office's records: times as ISO-8601 UTC text, durations in whole seconds, absent values as null. */
final class Views {

    private Views() {
    }

    static Map<String, Object> sopSummary(SopLibrary.StoredSop stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentType", stored.sop().incidentType().label());
        view.put("version", stored.sop().version());
        view.put("title", stored.sop().title());
        view.put("steps", stored.sop().steps().size());
        view.put("effectiveFrom", text(stored.effectiveFrom()));
        view.put("loadedAt", text(stored.loadedAt()));
        view.put("file", stored.fileName());
        view.put("sha256", stored.checksum());
        return view;
    }

    static Map<String, Object> sop(SopLibrary.StoredSop stored) {
        Map<String, Object> view = sopSummary(stored);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Sop.SopStep step : stored.sop().steps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", step.id());
            row.put("name", step.name());
            row.put("role", step.role());
            row.put("fact", step.fact().toString());
            row.put("after", step.after());
            row.put("withinSeconds", seconds(step.within()));
            row.put("required", step.required());
            steps.add(row);
        }
        view.put("steps", steps);
        return view;
    }

    static Map<String, Object> incidentCompliance(String incidentId, List<StepResult> results) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incidentId);
        view.put("incidentType", results.get(0).sopType());
        view.put("sopVersion", results.get(0).sopVersion());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("order", r.order());
            row.put("step", r.stepId());
            row.put("role", r.role());
            row.put("fact", r.fact());
            row.put("status", r.status().label());
            row.put("dueAt", text(r.dueAt()));
            row.put("doneAt", text(r.doneAt()));
            row.put("lateSeconds", seconds(r.late()));
            row.put("staffId", r.staffId());
            row.put("station", r.station());
            row.put("district", r.district());
            row.put("shift", r.shift());
            steps.add(row);
        }
        view.put("steps", steps);
        return view;
    }

    static Map<String, Object> score(Scores.Score score) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", score.key());
        view.put("score", score.score() < 0 ? null : score.score());
        view.put("met", score.met());
        view.put("late", score.late());
        view.put("missed", score.missed());
        view.put("overdue", score.overdue());
        view.put("totalLateSeconds", score.totalLate().toSeconds());
        return view;
    }

    static Map<String, Object> tally(DriverAttribution.Tally tally) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", tally.key());
        view.put("events", tally.events());
        view.put("byType", new TreeMap<>(tally.byType()));
        return view;
    }

    static Map<String, Object> duty(Roster.OnDuty duty) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("post", duty.post());
        view.put("staffId", duty.staff().staffId());
        view.put("name", duty.staff().name());
        view.put("role", duty.staff().role());
        view.put("station", duty.staff().station());
        view.put("shift", duty.shift());
        return view;
    }

    static Map<String, Object> staff(Roster.Staff staff) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("staffId", staff.staffId());
        view.put("name", staff.name());
        view.put("role", staff.role());
        view.put("station", staff.station());
        view.put("district", staff.district());
        view.put("login", staff.login());
        return view;
    }

    static Map<String, Object> shift(Roster.Shift shift) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("shift", shift.name());
        view.put("from", shift.from().toString());
        view.put("to", shift.to().toString());
        return view;
    }

    static Map<String, Object> rota(Roster.Duty duty) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date", duty.date() == null ? "*" : duty.date().toString());
        view.put("shift", duty.shift());
        view.put("staffId", duty.staffId());
        view.put("post", duty.post());
        return view;
    }

    static Map<String, Object> check(Readiness.Check check) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("vehicleId", check.vehicleId());
        view.put("checkedAt", text(check.checkedAt()));
        view.put("passed", check.passed());
        view.put("failed", check.failedItems());
        view.put("staffId", check.staffId());
        view.put("note", check.note());
        return view;
    }

    static Map<String, Object> auditRecord(AuditRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", record.seq());
        view.put("eventId", record.eventId());
        view.put("recordedAt", text(record.recordedAt()));
        view.put("actor", record.actor());
        view.put("source", record.source().label());
        view.put("remoteAddress", record.remoteAddress());
        view.put("action", record.action());
        view.put("targets", record.targets());
        view.put("before", record.before());
        view.put("after", record.after());
        view.put("hash", record.hash());
        return view;
    }

    static Map<String, Object> verification(AuditVerification verification) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("intact", verification.intact());
        view.put("verified", verification.verified());
        view.put("firstBroken", verification.intact() ? null : verification.firstBroken());
        view.put("reason", verification.reason());
        view.put("summary", verification.describe());
        return view;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
