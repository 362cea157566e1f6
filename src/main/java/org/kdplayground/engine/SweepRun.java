package org.kdplayground.engine;

import java.util.List;

/**
 * Where a sweep is: the run about to start or just finished, so a progress bar or a status line can say
 * "run 3 of 15, T = 4, α = 0.5, seed 2".
 *
 * @param index       1-based position of the run
 * @param total       runs planned in the whole sweep
 * @param temperature the run's T
 * @param alpha       the run's α
 * @param seed        the run's seed
 * @param point       the swept settings' values for the run
 */
public record SweepRun(int index, int total, float temperature, float alpha, long seed, List<SweepValue> point) {

    public SweepRun {
        point = List.copyOf(point);
    }

    /** The point as {@code T=4 alpha=0.5}. */
    public String describePoint() {
        return String.join(" ", point.stream().map(SweepValue::toString).toList());
    }
}
