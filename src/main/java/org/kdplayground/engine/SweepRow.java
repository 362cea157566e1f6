package org.kdplayground.engine;

/**
 * One finished run of a temperature sweep: test accuracies (fractions in [0, 1]) of the three networks trained at
 * one (T, α) with one seed.
 *
 * @param index             1-based position of the run in the sweep
 * @param temperature       T of the distilled student's soft loss
 * @param alpha             weight of its hard loss
 * @param seed              the seed the run's configuration was made for
 * @param teacherAccuracy   the teacher's test accuracy (the same for every run of a seed)
 * @param distilledAccuracy the distilled student's test accuracy
 * @param baselineAccuracy  the baseline student's test accuracy (the same for every run of a seed: it never sees
 *                          T or α)
 * @param teacherTrained    true when this run trained the teacher, false when it reused the seed's teacher
 * @param millis            wall time of the run
 */
public record SweepRow(int index, float temperature, float alpha, long seed, double teacherAccuracy,
                       double distilledAccuracy, double baselineAccuracy, boolean teacherTrained, double millis) {

    /** What distillation bought: distilled minus baseline accuracy (negative when it cost). */
    public double gain() {
        return distilledAccuracy - baselineAccuracy;
    }
}
