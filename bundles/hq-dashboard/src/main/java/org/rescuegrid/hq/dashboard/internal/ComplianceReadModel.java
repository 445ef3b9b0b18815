package org.rescuegrid.hq.dashboard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compliance scores at HQ from the final step results the district nodes upload (hq_compliance_step). A
 * group's score is the share of its counted steps that were met. Met, late and missed steps are counted, and
 * steps that did not apply are not. The back office's {@code rescue:compliance} uses the same rules, so a
 * district's figures at HQ equal the node's for its closed incidents.
 */
class ComplianceReadModel {

    /** Entries in each list of worst offenders and most-missed steps. */
    static final int TOP = 5;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataSource dataSource;

    ComplianceReadModel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One stored step result. */
    record Step(String node, String incidentId, String incidentType, String stepId, String status, Long lateSeconds, String staffId,
            String station, String district, String shift) {
    }

    /**
     * Returns the scores of every district node with incidents created in {@code [from, to)}, or of one node.
     *
     * @param node code the district node uploads with, or null for all
     */
    ArrayNode compliance(String node, Instant from, Instant to) throws SQLException {
        Map<String, List<Step>> byNode = new TreeMap<>();
        for (Step step : steps(node, from, to)) {
            byNode.computeIfAbsent(step.node(), key -> new ArrayList<>()).add(step);
        }
        ArrayNode result = MAPPER.createArrayNode();
        for (Map.Entry<String, List<Step>> entry : byNode.entrySet()) {
            List<Step> steps = entry.getValue();
            ObjectNode district = result.addObject();
            district.put("district", entry.getKey());
            district.put("incidents", steps.stream().map(Step::incidentId).distinct().count());
            district.set("score", score(steps).toJson(null));
            district.set("byDistrict", groups(steps, Step::district));
            district.set("byStation", groups(steps, Step::station));
            district.set("byShift", groups(steps, Step::shift));
            district.set("byPerson", groups(steps, Step::staffId));
            district.set("worstOffenders", worstOffenders(steps));
            district.set("mostMissedSteps", mostMissedSteps(steps));
        }
        return result;
    }

    private List<Step> steps(String node, Instant from, Instant to) throws SQLException {
        String sql = "SELECT province, incident_id, incident_type, step_id, status, late_seconds, staff_id, station, district, shift"
                + " FROM hq_compliance_step WHERE incident_created_at >= ? AND incident_created_at < ?"
                + (node == null ? "" : " AND province = ?") + " ORDER BY province, incident_created_at, incident_id, step_order";
        List<Step> steps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            // The receiver writes times with a UTC calendar, so they are read back the same way.
            query.setTimestamp(1, Timestamp.from(from), utc());
            query.setTimestamp(2, Timestamp.from(to), utc());
            if (node != null) {
                query.setString(3, node);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long late = rs.getLong(6);
                    steps.add(new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.wasNull() ? null : late, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
        }
        return steps;
    }

    static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    /** Returns the scores of the groups of a key, worst score first, then by key; steps with no key are left out. */
    private static ArrayNode groups(List<Step> steps, Function<Step, String> key) {
        ArrayNode result = MAPPER.createArrayNode();
        sortedScores(steps, key).forEach(score -> result.add(score.toJson(score.key())));
        return result;
    }

    private static List<Score> sortedScores(List<Step> steps, Function<Step, String> key) {
        Map<String, List<Step>> groups = new TreeMap<>();
        for (Step step : steps) {
            String k = key.apply(step);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(step);
            }
        }
        List<Score> scores = new ArrayList<>();
        groups.forEach((k, group) -> scores.add(score(group).withKey(k)));
        scores.sort(Comparator.comparingInt((Score s) -> s.percent() < 0 ? 101 : s.percent()).thenComparing(Score::key));
        return scores;
    }

    /** Returns the staff members with a late or missed step, worst score first, then most late or missed steps. */
    private static ArrayNode worstOffenders(List<Step> steps) {
        List<Score> people = new ArrayList<>(sortedScores(steps, Step::staffId));
        people.removeIf(s -> s.late() + s.missed() == 0);
        people.sort(Comparator.comparingInt(Score::percent).thenComparing(Comparator.comparingInt((Score s) -> -(s.late() + s.missed())))
                .thenComparing(Score::key));
        ArrayNode result = MAPPER.createArrayNode();
        people.stream().limit(TOP).forEach(score -> result.add(score.toJson(score.key())));
        return result;
    }

    /** Returns the procedure steps most often late or missed, as {@code incident-type/step}, most often first. */
    private static ArrayNode mostMissedSteps(List<Step> steps) {
        List<Score> byStep = new ArrayList<>(sortedScores(steps, s -> s.incidentType() + "/" + s.stepId()));
        byStep.removeIf(s -> s.late() + s.missed() == 0);
        byStep.sort(Comparator.comparingInt((Score s) -> -(s.late() + s.missed())).thenComparing(Score::key));
        ArrayNode result = MAPPER.createArrayNode();
        byStep.stream().limit(TOP).forEach(score -> result.add(score.toJson(score.key())));
        return result;
    }

    private static Score score(List<Step> steps) {
        int met = 0;
        int late = 0;
        int missed = 0;
        int notApplicable = 0;
        long totalLate = 0;
        for (Step step : steps) {
            switch (step.status()) {
                case "met" -> met++;
                case "late" -> {
                    late++;
                    totalLate += step.lateSeconds() == null ? 0 : step.lateSeconds();
                }
                case "missed" -> missed++;
                default -> notApplicable++;
            }
        }
        int counted = met + late + missed;
        return new Score(null, met, late, missed, notApplicable, counted == 0 ? -1 : Math.round(met * 100f / counted), totalLate);
    }

    /**
     * One group's figures.
     *
     * @param percent met steps in percent of counted steps, rounded, or -1 when none were counted
     */
    record Score(String key, int met, int late, int missed, int notApplicable, int percent, long totalLateSeconds) {

        Score withKey(String k) {
            return new Score(k, met, late, missed, notApplicable, percent, totalLateSeconds);
        }

        ObjectNode toJson(String name) {
            ObjectNode node = MAPPER.createObjectNode();
            if (name != null) {
                node.put("key", name);
            }
            if (percent < 0) {
                node.putNull("scorePercent");
            } else {
                node.put("scorePercent", percent);
            }
            node.put("met", met);
            node.put("late", late);
            node.put("missed", missed);
            node.put("notApplicable", notApplicable);
            node.put("totalLateSeconds", totalLateSeconds);
            return node;
        }
    }
}
