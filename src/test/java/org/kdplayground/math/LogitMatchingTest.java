package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LogitMatchingTest {

    static final double[] STUDENT = {0.5, -1.0, 2.0, 0.1};
    static final double[] TEACHER = {2.0, 1.0, 0.5, -0.5};

    @Test
    void approximationIsHintonsFormulaOnZeroMeanedLogits() {
        double t = 5.0;
        double sMean = (0.5 - 1.0 + 2.0 + 0.1) / 4;
        double tMean = (2.0 + 1.0 + 0.5 - 0.5) / 4;
        double[] none = LogitMatching.approximateSoftGradient(STUDENT, TEACHER, t, SoftScaling.NONE);
        double[] squared = LogitMatching.approximateSoftGradient(STUDENT, TEACHER, t, SoftScaling.T_SQUARED);
        for (int i = 0; i < 4; i++) {
            double expected = ((STUDENT[i] - sMean) - (TEACHER[i] - tMean)) / (4 * t * t);
            assertThat(none[i]).isCloseTo(expected, within(1e-15));
            assertThat(squared[i]).isCloseTo(expected * t * t, within(1e-14));
        }
    }

    @Test
    void exactSoftGradientIsTheSoftPartOfTheLossGradient() {
        for (SoftScaling scaling : SoftScaling.values()) {
            double[] exact = LogitMatching.exactSoftGradient(STUDENT, TEACHER, 3.0, scaling);
            double[] lossGrad = DistillationLoss.compute(STUDENT, TEACHER, 0, 3.0, 0.0, scaling).gradient();
            for (int i = 0; i < 4; i++) {
                assertThat(exact[i]).isCloseTo(lossGrad[i], within(1e-15));
            }
        }
    }

    @Test
    void exactGradientApproachesLogitMatchingAsTemperatureGrows() {
        double previous = Double.POSITIVE_INFINITY;
        for (double t = 1; t <= 1000; t *= 10) {
            double error = LogitMatching.relativeError(STUDENT, TEACHER, t);
            assertThat(error).as("T=%s", t).isLessThan(previous);
            previous = error;
            // independent recomputation of the relative L2 error
            double[] g = LogitMatching.exactSoftGradient(STUDENT, TEACHER, t, SoftScaling.NONE);
            double[] a = LogitMatching.approximateSoftGradient(STUDENT, TEACHER, t, SoftScaling.NONE);
            double[] diff = new double[4];
            for (int i = 0; i < 4; i++) {
                diff[i] = g[i] - a[i];
            }
            double expected = DistillationLossTest.norm(diff)
                    / Math.max(DistillationLossTest.norm(g), DistillationLossTest.norm(a));
            assertThat(error).isCloseTo(expected, within(1e-9 * expected + 1e-12));
        }
        assertThat(previous).isLessThan(1e-3);
    }

    @Test
    void relativeErrorIsZeroWhenStudentMatchesTeacherUpToAConstant() {
        double[] shifted = {TEACHER[0] + 1, TEACHER[1] + 1, TEACHER[2] + 1, TEACHER[3] + 1};
        assertThat(LogitMatching.relativeError(shifted, TEACHER, 4.0)).isCloseTo(0.0, within(1e-9));
        assertThat(LogitMatching.relativeError(TEACHER, TEACHER, 4.0)).isEqualTo(0.0);
    }

    @Test
    void relativeErrorStaysFiniteAndBoundedForRandomAndExtremeInputs() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(50);
            double[] s = DistributionsTest.randomLogits(random, n, Math.pow(10, 4 * random.nextDouble()));
            double[] t = DistributionsTest.randomLogits(random, n, Math.pow(10, 4 * random.nextDouble()));
            double temp = Math.pow(10, -2 + 5 * random.nextDouble());
            assertThat(LogitMatching.relativeError(s, t, temp)).isFinite().isBetween(0.0, 2.0);
        }
    }

    @Test
    void outVariantsWriteIntoCallerArray() {
        double[] out = new double[4];
        assertThat(LogitMatching.exactSoftGradient(STUDENT, TEACHER, 2, SoftScaling.NONE, out)).isSameAs(out);
        assertThat(LogitMatching.approximateSoftGradient(STUDENT, TEACHER, 2, SoftScaling.NONE, out)).isSameAs(out);
        assertThatThrownBy(() -> LogitMatching.exactSoftGradient(STUDENT, TEACHER, 2, SoftScaling.NONE,
                new double[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogitMatching.relativeError(STUDENT, new double[] {1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes");
    }
}
