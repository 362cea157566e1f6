package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DistillationLossTest {

    static final double[] STUDENT = {1.0, 2.0, 3.0};
    static final double[] TEACHER = {3.0, 2.0, 1.0};

    /** The loss computed from the naive formulas, for small logits: an independent check. */
    static double naiveLoss(double[] s, double[] t, int y, double temp, double alpha, SoftScaling scaling) {
        double[] p1 = SoftmaxTest.naiveSoftmax(s, 1.0);
        double[] ps = SoftmaxTest.naiveSoftmax(s, temp);
        double[] pt = SoftmaxTest.naiveSoftmax(t, temp);
        double kl = 0.0;
        for (int i = 0; i < s.length; i++) {
            kl += pt[i] * Math.log(pt[i] / ps[i]);
        }
        double factor = scaling == SoftScaling.T_SQUARED ? temp * temp : 1.0;
        return alpha * -Math.log(p1[y]) + (1 - alpha) * factor * kl;
    }

    @Test
    void breakdownHoldsEveryPartOfTheSeedLoss() {
        LossBreakdown b = DistillationLoss.compute(STUDENT, TEACHER, 0, 4.0, 0.5);
        double[] p1 = SoftmaxTest.naiveSoftmax(STUDENT, 1);
        double[] ps = SoftmaxTest.naiveSoftmax(STUDENT, 4);
        double[] pt = SoftmaxTest.naiveSoftmax(TEACHER, 4);
        assertThat(b.classes()).isEqualTo(3);
        assertThat(b.scaling()).isEqualTo(SoftScaling.T_SQUARED);
        assertThat(b.hard()).isCloseTo(-Math.log(p1[0]), within(1e-14));
        double kl = 0;
        for (int i = 0; i < 3; i++) {
            kl += pt[i] * Math.log(pt[i] / ps[i]);
            assertThat(b.pStudentT1()[i]).isCloseTo(p1[i], within(1e-15));
            assertThat(b.pStudentT()[i]).isCloseTo(ps[i], within(1e-15));
            assertThat(b.pTeacherT()[i]).isCloseTo(pt[i], within(1e-15));
            double expectedGrad = 0.5 * (p1[i] - (i == 0 ? 1 : 0)) + 0.5 * 4 * (ps[i] - pt[i]);
            assertThat(b.gradient()[i]).isCloseTo(expectedGrad, within(1e-14));
        }
        assertThat(b.kl()).isCloseTo(kl, within(1e-14));
        assertThat(b.soft()).isCloseTo(16 * kl, within(1e-13));
        assertThat(b.total()).isCloseTo(0.5 * b.hard() + 0.5 * b.soft(), within(1e-14));
        assertThat(b.weightedHard() + b.weightedSoft()).isCloseTo(b.total(), within(1e-15));
    }

    @Test
    void withoutTSquaredTheSoftTermAndItsGradientShrinkByTSquared() {
        LossBreakdown with = DistillationLoss.compute(STUDENT, TEACHER, 0, 4.0, 0.0, SoftScaling.T_SQUARED);
        LossBreakdown without = DistillationLoss.compute(STUDENT, TEACHER, 0, 4.0, 0.0, SoftScaling.NONE);
        assertThat(without.soft()).isEqualTo(without.kl());
        assertThat(with.soft()).isCloseTo(16 * without.soft(), within(1e-14));
        for (int i = 0; i < 3; i++) {
            assertThat(with.gradient()[i]).isCloseTo(16 * without.gradient()[i], within(1e-14));
        }
    }

    @Test
    void gradientWithoutTSquaredVanishesLikeOneOverTSquared() {
        double[] s = {0.3, -0.2, 0.1, 0.05};
        double[] t = {-0.1, 0.4, 0.0, 0.2};
        double previousRatio = Double.NaN;
        for (double temp : new double[] {10, 100, 1000}) {
            double[] g = LogitMatching.exactSoftGradient(s, t, temp, SoftScaling.NONE);
            double ratio = norm(g) * temp * temp;
            if (!Double.isNaN(previousRatio)) {
                assertThat(ratio).isCloseTo(previousRatio, within(previousRatio * 0.02));
            }
            previousRatio = ratio;
        }
    }

    @ParameterizedTest
    @EnumSource(SoftScaling.class)
    void gradientMatchesCentralFiniteDifferences(SoftScaling scaling) {
        Random random = new Random(2024);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(12);
            double scale = Math.pow(10, -1 + 1.7 * random.nextDouble());
            double temp = Math.pow(10, -0.5 + 1.8 * random.nextDouble());
            double alpha = random.nextInt(4) == 0 ? random.nextInt(2) : random.nextDouble();
            int label = random.nextInt(n);
            double[] s = DistributionsTest.randomLogits(random, n, scale);
            double[] t = DistributionsTest.randomLogits(random, n, scale);
            double[] grad = DistillationLoss.compute(s, t, label, temp, alpha, scaling).gradient();
            for (int i = 0; i < n; i++) {
                double h = 1e-5 * Math.max(1.0, Math.abs(s[i]));
                double[] plus = s.clone();
                double[] minus = s.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (DistillationLoss.compute(plus, t, label, temp, alpha, scaling).total()
                        - DistillationLoss.compute(minus, t, label, temp, alpha, scaling).total()) / (2 * h);
                assertThat(grad[i]).as("trial %d class %d (T=%s, alpha=%s)", trial, i, temp, alpha)
                        .isCloseTo(numeric, within(1e-6 + 1e-5 * Math.abs(numeric)));
            }
        }
    }

    @Test
    void lossAgreesWithNaiveFormulaOnSeededRandomInputs() {
        Random random = new Random(99);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(20);
            double[] s = DistributionsTest.randomLogits(random, n, 3);
            double[] t = DistributionsTest.randomLogits(random, n, 3);
            double temp = 0.5 + 10 * random.nextDouble();
            double alpha = random.nextDouble();
            int y = random.nextInt(n);
            for (SoftScaling scaling : SoftScaling.values()) {
                double expected = naiveLoss(s, t, y, temp, alpha, scaling);
                assertThat(DistillationLoss.compute(s, t, y, temp, alpha, scaling).total())
                        .isCloseTo(expected, within(1e-12 * (1 + expected)));
            }
        }
    }

    @Test
    void gradientSumsToZero() {
        Random random = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + random.nextInt(100);
            double[] g = DistillationLoss.compute(DistributionsTest.randomLogits(random, n, 10),
                    DistributionsTest.randomLogits(random, n, 10), random.nextInt(n), 4, 0.5).gradient();
            double sum = 0;
            for (double gi : g) {
                sum += gi;
            }
            assertThat(sum).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void alphaOneIsPureHardLossAndAlphaZeroPureSoftLoss() {
        LossBreakdown hardOnly = DistillationLoss.compute(STUDENT, TEACHER, 2, 4.0, 1.0);
        assertThat(hardOnly.total()).isEqualTo(hardOnly.hard());
        LossBreakdown softOnly = DistillationLoss.compute(STUDENT, TEACHER, 2, 4.0, 0.0);
        assertThat(softOnly.total()).isEqualTo(softOnly.soft());
        LossBreakdown same = DistillationLoss.compute(TEACHER, TEACHER, 0, 4.0, 0.0);
        assertThat(same.total()).isEqualTo(0.0);
        assertThat(same.gradient()).containsOnly(0.0);
    }

    @Test
    void lossIsFiniteAtExtremeLogitsAndTemperatures() {
        double[] s = {1e4, -1e4, 0, 5000};
        double[] t = {-1e4, 1e4, -5000, 0};
        for (double temp : new double[] {0.01, 1, 1000}) {
            for (SoftScaling scaling : SoftScaling.values()) {
                LossBreakdown b = DistillationLoss.compute(s, t, 1, temp, 0.5, scaling);
                assertThat(b.total()).as("T=%s %s", temp, scaling).isFinite().isPositive();
                assertThat(b.hard()).isEqualTo(2e4);
                for (double g : b.gradient()) {
                    assertThat(g).isFinite();
                }
                double[] out = new double[4];
                assertThat(DistillationLoss.lossAndGradient(s, t, 1, temp, 0.5, scaling, out))
                        .isEqualTo(b.total());
                assertThat(out).containsExactly(b.gradient());
            }
        }
    }

    @Test
    void breakdownIsImmutable() {
        LossBreakdown b = DistillationLoss.compute(STUDENT, TEACHER, 0, 4.0, 0.5);
        double before = b.gradient()[0];
        b.gradient()[0] = 42;
        b.pStudentT()[0] = 42;
        assertThat(b.gradient()[0]).isEqualTo(before);
        assertThat(b.pStudentT()[0]).isNotEqualTo(42);
        assertThat(b).isEqualTo(DistillationLoss.compute(STUDENT, TEACHER, 0, 4.0, 0.5))
                .hasSameHashCodeAs(DistillationLoss.compute(STUDENT, TEACHER, 0, 4.0, 0.5));
        assertThat(b.toString()).contains("hard=", "gradient=[");
    }

    @Test
    void invalidArgumentsAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> DistillationLoss.compute(STUDENT, new double[] {1, 2}, 0, 4, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("student logits has 3 classes but teacher logits has 2");
        assertThatThrownBy(() -> DistillationLoss.compute(STUDENT, TEACHER, 3, 4, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 3 is out of range for 3 classes (0 to 2)");
        assertThatThrownBy(() -> DistillationLoss.compute(STUDENT, TEACHER, 0, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature must be positive and finite, got 0.0");
        assertThatThrownBy(() -> DistillationLoss.compute(STUDENT, TEACHER, 0, 4, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha must be within [0, 1], got 1.5");
        assertThatThrownBy(() -> DistillationLoss.compute(STUDENT, TEACHER, 0, 4, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> DistillationLoss.compute(new double[] {1, Double.NaN, 3}, TEACHER, 0, 4, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("student logits[1] is not finite: NaN");
        assertThatThrownBy(() -> DistillationLoss.compute(new double[0], new double[0], 0, 4, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("student logits must not be empty");
        assertThatThrownBy(() -> DistillationLoss.compute(STUDENT, TEACHER, 0, 4, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scaling");
        assertThatThrownBy(() -> DistillationLoss.lossAndGradient(STUDENT, TEACHER, 0, 4, 0.5,
                SoftScaling.T_SQUARED, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output array");
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
