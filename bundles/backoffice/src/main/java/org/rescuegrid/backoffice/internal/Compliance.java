package org.rescuegrid.backoffice.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.rescuegrid.api.audit.AuditLog;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.store.outbox.OutboxAppender;
import org.rescuegrid.store.schema.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Evaluates the front office's incidents against their procedures and keeps the results: the open
 * incidents on every call of {@link #evaluateAll()}, and each incident once more, finally, when it is
 * closed. The final results go to HQ as one {@code compliance} outbox record per incident.
 */
public final class Compliance {

    public static final String RECORD_TYPE = "compliance";
    private static final Logger LOG = LoggerFactory.getLogger(Compliance.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BackOfficeDatabase database;
    private final SopLibrary procedures;
    private final FrontOfficeService frontOffice;
    private final Supplier<Roster> roster;
    private final Function<Instant, Roster> rosterAt;
    private final AuditLog audit;
    private final Clock clock;
    private final CameraSnapshots snapshots;

    /**
     * @param roster the current roster, which checks the staff ids of new facts
     * @param rosterAt the roster in use at a time, which names who was responsible for a step when it was due
     */
    public Compliance(BackOfficeDatabase database, SopLibrary procedures, FrontOfficeService frontOffice, Supplier<Roster> roster,
            Function<Instant, Roster> rosterAt, AuditLog audit, Clock clock) {
        this.database = database;
        this.procedures = procedures;
        this.frontOffice = frontOffice;
        this.roster = roster;
        this.rosterAt = rosterAt;
        this.audit = audit;
        this.clock = clock;
        this.snapshots = new CameraSnapshots(database);
    }

    /** Evaluates every open incident, and finally every incident closed since the last call. Returns the incidents evaluated. */
    public synchronized int evaluateAll() {
        Set<String> open = new HashSet<>();
        int evaluated = 0;
        for (Incident incident : frontOffice.openIncidents()) {
            open.add(incident.incidentId());
            if (evaluate(incident).isPresent()) {
                evaluated++;
            }
        }
        for (String incidentId : unfinished()) {
            if (!open.contains(incidentId)) {
                Optional<Incident> incident = frontOffice.incident(incidentId);
                if (incident.isPresent() && !incident.get().open() && evaluate(incident.get()).isPresent()) {
                    evaluated++;
                }
            }
        }
        return evaluated;
    }

    /** Evaluates one incident and stores the results; final when it is closed. Empty when no procedure applies to it. */
    public synchronized Optional<List<StepResult>> evaluate(Incident incident) {
        Instant created = incident.time(Step.CREATED) != null ? incident.time(Step.CREATED) : incident.time(Step.CALL_RECEIVED);
        Optional<Sop> sop = procedures.forIncident(incident.incidentId(), incident.type(), created);
        if (sop.isEmpty()) {
            return Optional.empty();
        }
        List<CallRecord> calls = frontOffice.calls(incident.incidentId());
        List<StepResult> results = ComplianceEvaluator.evaluate(sop.get(), incident, calls, allFacts(incident.incidentId()), rosterAt,
                clock.instant());
        boolean closed = !incident.open();
        Instant now = clock.instant();
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM bo_compliance WHERE incident_id = ?")) {
                    delete.setString(1, incident.incidentId());
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bo_compliance (incident_id, step_id, step_order, sop_type,"
                        + " sop_version, role, fact, status, due_at, done_at, late_seconds, staff_id, station, district, shift, incident_created_at,"
                        + " evaluated_at, final) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (StepResult r : results) {
                        insert.setString(1, r.incidentId());
                        insert.setString(2, r.stepId());
                        insert.setInt(3, r.order());
                        insert.setString(4, r.sopType());
                        insert.setInt(5, r.sopVersion());
                        insert.setString(6, r.role());
                        insert.setString(7, r.fact());
                        insert.setString(8, r.status().name());
                        Jdbc.setInstant(insert, 9, r.dueAt());
                        Jdbc.setInstant(insert, 10, r.doneAt());
                        if (r.late() == null) {
                            insert.setNull(11, java.sql.Types.BIGINT);
                        } else {
                            insert.setLong(11, r.late().toSeconds());
                        }
                        insert.setString(12, r.staffId());
                        insert.setString(13, r.station());
                        insert.setString(14, r.district());
                        insert.setString(15, r.shift());
                        Jdbc.setInstant(insert, 16, created);
                        Jdbc.setInstant(insert, 17, now);
                        insert.setBoolean(18, closed);
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE bo_incident_sop SET final = ?, evaluated_at = ? WHERE incident_id = ?")) {
                    update.setBoolean(1, closed);
                    Jdbc.setInstant(update, 2, now);
                    update.setString(3, incident.incidentId());
                    update.executeUpdate();
                }
                if (closed) {
                    OutboxAppender.append(connection, UUID.randomUUID().toString(), RECORD_TYPE, now, payload(incident, created, sop.get(), results));
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("compliance of incident " + incident.incidentId() + " could not be stored: " + e.getMessage(), e);
        }
        if (closed) {
            long met = results.stream().filter(r -> r.status() == StepResult.Status.MET).count();
            LOG.info("incident={} compliance final against {} v{}: {} of {} steps met", incident.incidentId(), sop.get().incidentType().label(),
                    sop.get().version(), met, results.size());
        }
        return Optional.of(results);
    }

    /**
     * Records a checklist tick, technical-assistance record or snapshot of an incident, audits it, and
     * evaluates the incident again.
     */
    public synchronized IncidentFact recordFact(IncidentFact fact, Actor actor) {
        Incident incident = frontOffice.incident(fact.incidentId()).orElseThrow(() -> new IllegalArgumentException(
                "incident '" + fact.incidentId() + "' does not exist; rescue:incident-list shows the open incidents"));
        if (fact.staffId() != null && roster.get().staff(fact.staffId()).isEmpty()) {
            throw new IllegalArgumentException("staff id '" + fact.staffId() + "' is not in the roster; rescue:roster lists the staff");
        }
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bo_incident_fact (incident_id, kind, name, done_at, staff_id,"
                        + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, fact.incidentId());
                    insert.setString(2, fact.kind().name());
                    insert.setString(3, fact.name());
                    Jdbc.setInstant(insert, 4, fact.at());
                    insert.setString(5, fact.staffId());
                    insert.setString(6, actor.name());
                    Jdbc.setInstant(insert, 7, clock.instant());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(fact.kind().label() + " " + fact.name() + " of incident " + fact.incidentId() + " could not be stored: "
                    + e.getMessage(), e);
        }
        audit.record(actor.entry("incident-" + fact.kind().label(), fact.staffId() == null ? List.of(fact.incidentId())
                : List.of(fact.incidentId(), fact.staffId()), null, fact.kind().label() + ":" + fact.name() + " at " + fact.at()));
        evaluate(incident.open() ? incident : frontOffice.incident(fact.incidentId()).orElse(incident));
        return fact;
    }

    /**
     * Returns every fact of an incident: the checklist ticks recorded here, the front office's
     * technical-assistance records (named by kind, such as first-aid-instruction) and the camera snapshots
     * attached to the incident (named by camera id).
     */
    public List<IncidentFact> allFacts(String incidentId) {
        List<IncidentFact> facts = new ArrayList<>(facts(incidentId));
        for (Assistance assistance : frontOffice.assistance(incidentId)) {
            facts.add(new IncidentFact(incidentId, Sop.FactKind.ASSISTANCE, assistance.kind().label(), assistance.givenAt(),
                    roster.get().byLogin(assistance.recordedBy()).map(Roster.Staff::staffId).orElse(null)));
        }
        facts.addAll(snapshots.of(incidentId));
        return facts;
    }

    /** Returns the facts recorded with {@link #recordFact}. */
    public List<IncidentFact> facts(String incidentId) {
        try {
            return database.read(connection -> {
                List<IncidentFact> facts = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM bo_incident_fact WHERE incident_id = ? ORDER BY done_at, id")) {
                    select.setString(1, incidentId);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            facts.add(new IncidentFact(incidentId, Sop.FactKind.valueOf(rs.getString("kind")), rs.getString("name"),
                                    Jdbc.getInstant(rs, "done_at"), rs.getString("staff_id")));
                        }
                    }
                }
                return facts;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("facts of incident " + incidentId + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Returns the stored results of one incident, or of the incidents created in {@code [from, to)} when the id is null. */
    public List<StepResult> results(String incidentId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM bo_compliance WHERE 1 = 1");
        if (incidentId != null) {
            sql.append(" AND incident_id = ?");
        }
        if (from != null) {
            sql.append(" AND incident_created_at >= ?");
        }
        if (to != null) {
            sql.append(" AND incident_created_at < ?");
        }
        sql.append(" ORDER BY incident_created_at, incident_id, step_order");
        try {
            return database.read(connection -> {
                List<StepResult> results = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                    int index = 1;
                    if (incidentId != null) {
                        select.setString(index++, incidentId);
                    }
                    if (from != null) {
                        Jdbc.setInstant(select, index++, from);
                    }
                    if (to != null) {
                        Jdbc.setInstant(select, index, to);
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            long late = rs.getLong("late_seconds");
                            Duration lateBy = rs.wasNull() ? null : Duration.ofSeconds(late);
                            results.add(new StepResult(rs.getString("incident_id"), rs.getString("sop_type"), rs.getInt("sop_version"),
                                    rs.getInt("step_order"), rs.getString("step_id"), rs.getString("role"), rs.getString("fact"),
                                    StepResult.Status.valueOf(rs.getString("status")), Jdbc.getInstant(rs, "due_at"), Jdbc.getInstant(rs, "done_at"),
                                    lateBy, rs.getString("staff_id"), rs.getString("station"), rs.getString("district"), rs.getString("shift")));
                        }
                    }
                }
                return results;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("compliance results could not be read: " + e.getMessage(), e);
        }
    }

    private List<String> unfinished() {
        try {
            return database.read(connection -> {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT incident_id FROM bo_incident_sop WHERE final = FALSE");
                        ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("incidents under evaluation could not be read: " + e.getMessage(), e);
        }
    }

    private static String payload(Incident incident, Instant created, Sop sop, List<StepResult> results) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", incident.incidentId());
        payload.put("incidentType", sop.incidentType().label());
        // HQ selects periods by this time, as rescue:compliance does, so both give the same scores.
        payload.put("incidentCreatedAt", created.toString());
        payload.put("sopVersion", sop.version());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepResult r : results) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", r.stepId());
            step.put("role", r.role());
            step.put("status", r.status().label());
            step.put("dueAt", r.dueAt() == null ? null : r.dueAt().toString());
            step.put("doneAt", r.doneAt() == null ? null : r.doneAt().toString());
            step.put("lateSeconds", r.late() == null ? null : r.late().toSeconds());
            step.put("staffId", r.staffId());
            step.put("station", r.station());
            step.put("district", r.district());
            step.put("shift", r.shift());
            steps.add(step);
        }
        payload.put("steps", steps);
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("compliance of incident " + incident.incidentId() + " could not be written as JSON", e);
        }
    }
}
