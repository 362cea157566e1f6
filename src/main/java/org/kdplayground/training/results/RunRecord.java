package org.kdplayground.training.results;

import java.util.Map;

import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.TestQuality;
import org.kdplayground.math.Fidelity;

/**
 * One finished run in the session's history, so runs with different T or α can be compared side by side.
 *
 * @param number the run's number in this session, from 1
 */
public record RunRecord(int number, Experiment experiment, RunResult result) {

    public Double testAccuracy(ModelRole role) {
        return result.testAccuracy().get(role);
    }

    /** A student's top-1 agreement with the teacher on the test set; null for the teacher or if not reached. */
    public Double agreement(ModelRole role) {
        return result.quality(role).flatMap(TestQuality::fidelity).map(Fidelity.Measure::agreement).orElse(null);
    }

    /** A model's expected calibration error on the test set; null if not reached. */
    public Double ece(ModelRole role) {
        return result.quality(role).map(TestQuality::ece).orElse(null);
    }

    /** Test accuracy of the distilled student minus the baseline's, in percentage points; null if not reached. */
    public Double gain() {
        Map<ModelRole, Double> acc = result.testAccuracy();
        Double distilled = acc.get(ModelRole.DISTILLED);
        Double baseline = acc.get(ModelRole.BASELINE);
        return distilled == null || baseline == null ? null : (distilled - baseline) * 100;
    }
}
