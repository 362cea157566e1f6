package org.kdplayground.engine;

import java.util.List;
import java.util.Map;

/**
 * One finished run of a sweep: the values it gave the swept settings, and what the three networks reached on the
 * test set (fractions in [0, 1]).
 *
 * @param index          1-based position of the run in the sweep
 * @param point          the swept settings' values, one per axis, in the axes' order
 * @param temperature    the run's T (swept or not)
 * @param alpha          the run's α (swept or not)
 * @param seed           the seed the run's configuration was made for
 * @param accuracy       test accuracy per model
 * @param quality        calibration per model and each student's fidelity to the teacher
 * @param teacherTrained true when this run trained the teacher, false when it reused one
 * @param millis         wall time of the run
 */
public record SweepRow(int index, List<SweepValue> point, float temperature, float alpha, long seed,
                       Map<ModelRole, Double> accuracy, Map<ModelRole, TestQuality> quality, boolean teacherTrained,
                       double millis) {

    public SweepRow {
        point = List.copyOf(point);
        accuracy = Map.copyOf(accuracy);
        quality = Map.copyOf(quality);
    }

    /** A model's test accuracy; NaN if it was not measured. */
    public double accuracy(ModelRole role) {
        return accuracy.getOrDefault(role, Double.NaN);
    }

    /** A student's top-1 agreement with the teacher; NaN for the teacher. */
    public double agreement(ModelRole role) {
        TestQuality q = quality.get(role);
        return q == null ? Double.NaN : q.agreement();
    }

    /** A model's expected calibration error; NaN if it was not measured. */
    public double ece(ModelRole role) {
        TestQuality q = quality.get(role);
        return q == null ? Double.NaN : q.ece();
    }

    public double teacherAccuracy() {
        return accuracy(ModelRole.TEACHER);
    }

    public double distilledAccuracy() {
        return accuracy(ModelRole.DISTILLED);
    }

    public double baselineAccuracy() {
        return accuracy(ModelRole.BASELINE);
    }

    /** What distillation bought: distilled minus baseline accuracy (negative when it cost). */
    public double gain() {
        return distilledAccuracy() - baselineAccuracy();
    }
}
