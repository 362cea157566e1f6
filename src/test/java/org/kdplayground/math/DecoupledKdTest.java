package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DecoupledKdTest {

    @Test
    void tckdPlusWeightedNckdEqualsKlOnSeededRandomInputs() {
        Random random = new Random(17);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + random.nextInt(40);
            double scale = Math.pow(10, -1 + 2.5 * random.nextDouble());
            double t = Math.pow(10, -1 + 2 * random.nextDouble());
            double[] s = DistributionsTest.randomLogits(random, n, scale);
            double[] te = DistributionsTest.randomLogits(random, n, scale);
            int target = random.nextInt(n);
            DecoupledKd.Parts parts = DecoupledKd.decompose(s, te, target, t);
            double kl = Distributions.klDivergenceOfLogits(te, s, t);
            assertThat(parts.tckd()).isNotNegative();
            assertThat(parts.nckd()).isNotNegative();
            assertThat(parts.kl()).as("trial %d", trial).isCloseTo(kl, within(1e-10 * (1 + kl)));
            assertThat(parts.teacherTargetProbability()).isCloseTo(Softmax.softmax(te, t)[target], within(1e-15));
            assertThat(parts.studentTargetProbability()).isCloseTo(Softmax.softmax(s, t)[target], within(1e-15));
        }
    }

    @Test
    void partsMatchTheirDefinitionsOnASmallExample() {
        double[] s = {1.0, 2.0, 3.0};
        double[] te = {3.0, 2.0, 1.0};
        double t = 2.0;
        double[] ps = SoftmaxTest.naiveSoftmax(s, t);
        double[] pt = SoftmaxTest.naiveSoftmax(te, t);
        double tckd = pt[0] * Math.log(pt[0] / ps[0]) + (1 - pt[0]) * Math.log((1 - pt[0]) / (1 - ps[0]));
        double nckd = 0;
        for (int i = 1; i < 3; i++) {
            double a = pt[i] / (1 - pt[0]);
            double b = ps[i] / (1 - ps[0]);
            nckd += a * Math.log(a / b);
        }
        DecoupledKd.Parts parts = DecoupledKd.decompose(s, te, 0, t);
        assertThat(parts.tckd()).isCloseTo(tckd, within(1e-14));
        assertThat(parts.nckd()).isCloseTo(nckd, within(1e-14));
        assertThat(parts.nckdWeight()).isCloseTo(1 - pt[0], within(1e-15));
    }

    @Test
    void twoClassesHaveNoNonTargetKnowledge() {
        DecoupledKd.Parts parts = DecoupledKd.decompose(new double[] {0.3, 1.0}, new double[] {2.0, -1.0}, 1, 1.5);
        assertThat(parts.nckd()).isEqualTo(0.0);
        assertThat(parts.tckd()).isCloseTo(Distributions.klDivergenceOfLogits(
                new double[] {2.0, -1.0}, new double[] {0.3, 1.0}, 1.5), within(1e-14));
    }

    @Test
    void staysFiniteAtExtremeLogitsAndTemperatures() {
        double[] s = {1e4, -1e4, 0, 5000};
        double[] te = {-1e4, 1e4, -5000, 0};
        for (double t : new double[] {0.01, 1, 1000}) {
            for (int target = 0; target < 4; target++) {
                DecoupledKd.Parts parts = DecoupledKd.decompose(s, te, target, t);
                assertThat(parts.tckd()).isFinite();
                assertThat(parts.nckd()).isFinite();
                double kl = Distributions.klDivergenceOfLogits(te, s, t);
                assertThat(parts.kl()).isCloseTo(kl, within(1e-9 * (1 + kl)));
            }
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> DecoupledKd.decompose(new double[] {1}, new double[] {1}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> DecoupledKd.decompose(new double[] {1, 2}, new double[] {1, 2}, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 2 is out of range");
    }
}
