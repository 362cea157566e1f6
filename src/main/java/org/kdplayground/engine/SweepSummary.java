package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seeds of one (T, α) pooled: mean and sample SD (n − 1) of each model's test accuracy and of the gain
 * (distilled − baseline, per seed, so the seeds' common luck cancels out). What a chart of accuracy against T plots.
 *
 * @param temperature T
 * @param alpha       α
 * @param distilled   the distilled student's test accuracy over seeds
 * @param baseline    the baseline student's test accuracy over seeds
 * @param teacher     the teacher's test accuracy over seeds
 * @param gain        distilled − baseline over seeds
 */
public record SweepSummary(float temperature, float alpha, Spread distilled, Spread baseline, Spread teacher,
                           Spread gain) {

    /** Seeds pooled per (T, α), in the order each (T, α) first appears in {@code rows}. */
    public static List<SweepSummary> of(List<SweepRow> rows) {
        Map<List<Float>, List<SweepRow>> groups = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            groups.computeIfAbsent(List.of(row.temperature(), row.alpha()), k -> new ArrayList<>()).add(row);
        }
        List<SweepSummary> out = new ArrayList<>();
        for (Map.Entry<List<Float>, List<SweepRow>> e : groups.entrySet()) {
            List<SweepRow> g = e.getValue();
            out.add(new SweepSummary(e.getKey().get(0), e.getKey().get(1),
                    Spread.of(g.stream().mapToDouble(SweepRow::distilledAccuracy).toArray()),
                    Spread.of(g.stream().mapToDouble(SweepRow::baselineAccuracy).toArray()),
                    Spread.of(g.stream().mapToDouble(SweepRow::teacherAccuracy).toArray()),
                    Spread.of(g.stream().mapToDouble(SweepRow::gain).toArray())));
        }
        return out;
    }
}
