package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The seeds of one point of a sweep pooled: mean and sample SD (n − 1) of each model's measures, and of the gain
 * (distilled − baseline, per seed, so the seeds' common luck cancels out). What a chart against the swept setting
 * plots.
 *
 * @param point       the swept settings' values
 * @param temperature T of the point's runs
 * @param alpha       α of the point's runs
 * @param rows        the point's runs, one per seed
 */
public record SweepSummary(List<SweepValue> point, float temperature, float alpha, List<SweepRow> rows) {

    public SweepSummary {
        point = List.copyOf(point);
        rows = List.copyOf(rows);
    }

    /** Seeds pooled per point, in the order each point first appears in {@code rows}. */
    public static List<SweepSummary> of(List<SweepRow> rows) {
        Map<List<SweepValue>, List<SweepRow>> groups = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            groups.computeIfAbsent(row.point(), k -> new ArrayList<>()).add(row);
        }
        List<SweepSummary> out = new ArrayList<>();
        for (Map.Entry<List<SweepValue>, List<SweepRow>> e : groups.entrySet()) {
            SweepRow first = e.getValue().get(0);
            out.add(new SweepSummary(e.getKey(), first.temperature(), first.alpha(), e.getValue()));
        }
        return out;
    }

    /** A measure of one model over the seeds. */
    public Spread spread(SweepMeasure measure, ModelRole role) {
        return over(r -> measure.of(r, role));
    }

    /** The distilled student's test accuracy over seeds. */
    public Spread distilled() {
        return over(SweepRow::distilledAccuracy);
    }

    public Spread baseline() {
        return over(SweepRow::baselineAccuracy);
    }

    public Spread teacher() {
        return over(SweepRow::teacherAccuracy);
    }

    /** Distilled − baseline over seeds. */
    public Spread gain() {
        return over(SweepRow::gain);
    }

    private Spread over(ToDoubleFunction<SweepRow> value) {
        return Spread.of(rows.stream().mapToDouble(value).toArray());
    }
}
