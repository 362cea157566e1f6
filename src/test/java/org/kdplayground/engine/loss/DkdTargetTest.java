package org.kdplayground.engine.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.kdplayground.engine.RunSettings;
import org.kdplayground.math.DecoupledKdLoss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * A row of the transfer set without a label has no true class to split at: DKD splits it at the class the teacher
 * predicts, and its hard term counts only the labelled rows.
 */
class DkdTargetTest {

    private static final double[] STUDENT_0 = {1.0, 0.5, -0.3, 0.2};
    private static final double[] TEACHER_0 = {0.4, 2.0, 0.1, -1.0};
    private static final double[] STUDENT_1 = {-0.2, 0.3, 1.1, 0.0};
    private static final double[] TEACHER_1 = {0.3, -0.5, 0.2, 1.7}; // predicts class 3
    private static final float T = 2f;

    @Test
    void anUnlabelledRowSplitsAtTheTeachersClass() {
        RunSettings settings = RunSettings.DEFAULTS.withLoss(LossMethod.DKD).withTemperature(T).withDkdBeta(8f);
        try (NDManager manager = NDManager.newBaseManager();
             StudentLoss loss = LossMethod.DKD.create(manager, settings)) {
            NDArray s = manager.create(floats(STUDENT_0, STUDENT_1), new Shape(2, 4));
            NDArray t = manager.create(floats(TEACHER_0, TEACHER_1), new Shape(2, 4));
            NDArray oneHot = manager.create(new float[] {0, 1, 0, 0, 0, 0, 0, 0}, new Shape(2, 4)); // row 1: none
            NDArray mask = manager.create(new float[] {1, 0}, new Shape(2));
            StudentLoss.Value value = loss.compute(s, loss.teacherTargets(t), oneHot, mask, 1);
            List<Double> parts = value.parts().stream().map(p -> (double) p.getFloat()).toList();

            DecoupledKdLoss.Result labelled = DecoupledKdLoss.compute(STUDENT_0, TEACHER_0, 1, T, 1, 1, 8);
            DecoupledKdLoss.Result atTeachersClass = DecoupledKdLoss.compute(STUDENT_1, TEACHER_1, 3, T, 1, 1, 8);
            DecoupledKdLoss.Result atClass0 = DecoupledKdLoss.compute(STUDENT_1, TEACHER_1, 0, T, 1, 1, 8);
            assertThat(parts.get(0)).as("hard: the labelled row only").isCloseTo(labelled.hard(), within(1e-5));
            assertThat(parts.get(1)).as("TCKD, the mean of both rows")
                    .isCloseTo((labelled.tckd() + atTeachersClass.tckd()) / 2, within(1e-5));
            assertThat(parts.get(2)).as("NCKD, the mean of both rows")
                    .isCloseTo((labelled.nckd() + atTeachersClass.nckd()) / 2, within(1e-5));
            assertThat(atClass0.nckd()).as("another split would give another NCKD")
                    .isNotCloseTo(atTeachersClass.nckd(), within(1e-3));
        }
    }

    @Test
    void aWarmUpRaisesTheDistillationWeightLinearly() {
        RunSettings settings = RunSettings.DEFAULTS.withLoss(LossMethod.DKD).withTemperature(T).withCeWeight(0f)
                .withDkdWarmupEpochs(4);
        try (NDManager manager = NDManager.newBaseManager();
             StudentLoss loss = LossMethod.DKD.create(manager, settings)) {
            NDArray s = manager.create(floats(STUDENT_0), new Shape(1, 4));
            NDArray t = loss.teacherTargets(manager.create(floats(TEACHER_0), new Shape(1, 4)));
            NDArray y = manager.create(new float[] {0, 1, 0, 0}, new Shape(1, 4));
            loss.startEpoch(1);
            double first = loss.compute(s, t, y, null, 1).total().getFloat();
            loss.startEpoch(4);
            double full = loss.compute(s, t, y, null, 1).total().getFloat();
            loss.startEpoch(9);
            double later = loss.compute(s, t, y, null, 1).total().getFloat();
            assertThat(first).isCloseTo(full / 4, within(1e-6));
            assertThat(later).isEqualTo(full);
        }
    }

    private static float[] floats(double[]... rows) {
        float[] out = new float[rows.length * rows[0].length];
        int k = 0;
        for (double[] row : rows) {
            for (double v : row) {
                out[k++] = (float) v;
            }
        }
        return out;
    }
}
