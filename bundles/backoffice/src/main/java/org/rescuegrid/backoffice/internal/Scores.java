package org.rescuegrid.backoffice.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compliance scores of groups of step results. A group's score is the share of its counted steps that
 * were met. Met, late and missed steps are counted. Steps that are still open or do not apply are not.
 */
public final class Scores {

    /**
     * One group's figures.
     *
     * @param score met steps in percent of counted steps, or -1 when none were counted
     * @param totalLate sum of the late steps' lateness
     */
    public record Score(String key, int met, int late, int missed, int overdue, int score, Duration totalLate) {

        int counted() {
            return met + late + missed;
        }
    }

    private Scores() {
    }

    /** Groups the results by a key (results with a null key are left out), worst score first, then by key. */
    public static List<Score> by(List<StepResult> results, Function<StepResult, String> key) {
        Map<String, List<StepResult>> groups = new LinkedHashMap<>();
        for (StepResult result : results) {
            String k = key.apply(result);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(result);
            }
        }
        List<Score> scores = new ArrayList<>();
        for (Map.Entry<String, List<StepResult>> group : groups.entrySet()) {
            int met = 0;
            int late = 0;
            int missed = 0;
            int overdue = 0;
            Duration totalLate = Duration.ZERO;
            for (StepResult r : group.getValue()) {
                switch (r.status()) {
                    case MET -> met++;
                    case LATE -> {
                        late++;
                        totalLate = totalLate.plus(r.late());
                    }
                    case MISSED -> missed++;
                    case OVERDUE -> overdue++;
                    default -> {
                    }
                }
            }
            int counted = met + late + missed;
            scores.add(new Score(group.getKey(), met, late, missed, overdue, counted == 0 ? -1 : Math.round(met * 100f / counted), totalLate));
        }
        scores.sort(Comparator.comparingInt((Score s) -> s.score() < 0 ? 101 : s.score()).thenComparing(Score::key));
        return scores;
    }

    /** Returns the steps most often late or missed, by procedure type and step id, most often first. */
    public static List<Score> worstSteps(List<StepResult> results) {
        List<Score> steps = new ArrayList<>(by(results, r -> r.sopType() + "/" + r.stepId()));
        steps.removeIf(s -> s.late() + s.missed() == 0);
        steps.sort(Comparator.comparingInt((Score s) -> -(s.late() + s.missed())).thenComparing(Score::key));
        return steps;
    }
}
