package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What a temperature sweep produced: one row per finished run and the seeds pooled per (T, α). A cancelled or
 * diverged sweep keeps the rows of the runs that finished before it stopped (the interrupted run is dropped).
 *
 * @param rows        finished runs, in the order they ran
 * @param summaries   {@link SweepSummary#of(List)} of the rows
 * @param plannedRuns runs the sweep would have made
 * @param stopReason  COMPLETED, CANCELLED or DIVERGED (the sweep stops at the first diverged run)
 * @param message     one line for the user; for DIVERGED it names the run and the likely cause
 * @param totalMillis wall time of the sweep
 */
public record SweepResult(List<SweepRow> rows, List<SweepSummary> summaries, int plannedRuns,
                          RunResult.StopReason stopReason, String message, double totalMillis) {

    public SweepResult {
        rows = List.copyOf(rows);
        summaries = List.copyOf(summaries);
    }

    public boolean completed() {
        return stopReason == RunResult.StopReason.COMPLETED;
    }

    /** The (T, α) with the highest mean distilled accuracy (the first of equals), if any run finished. */
    public Optional<SweepSummary> best() {
        return summaries.stream().max(Comparator.comparingDouble((SweepSummary s) -> s.distilled().mean())
                .thenComparing(s -> -summaries.indexOf(s)));
    }

    /** How many runs trained a teacher rather than reusing one: one per seed when reuse works. */
    public long teachersTrained() {
        return rows.stream().filter(SweepRow::teacherTrained).count();
    }

    /** The teacher's test accuracy over seeds (one value per seed: it does not depend on T or α). */
    public Spread teacher() {
        return perSeed(SweepRow::teacherAccuracy);
    }

    /** The baseline's test accuracy over seeds (one value per seed: it does not depend on T or α). */
    public Spread baseline() {
        return perSeed(SweepRow::baselineAccuracy);
    }

    private Spread perSeed(ToDoubleFunction<SweepRow> value) {
        Map<Long, Double> first = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            first.putIfAbsent(row.seed(), value.applyAsDouble(row));
        }
        return Spread.of(new ArrayList<>(first.values()));
    }
}
