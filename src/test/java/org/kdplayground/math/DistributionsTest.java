package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    static double[] randomLogits(Random random, int n, double scale) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = scale * random.nextGaussian();
        }
        return z;
    }

    @Test
    void entropyOfKnownDistributions() {
        assertThat(Distributions.entropy(new double[] {1, 0, 0})).isEqualTo(0.0);
        assertThat(Distributions.entropy(new double[] {0.5, 0.5})).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Distributions.entropy(new double[] {0.25, 0.25, 0.25, 0.25}))
                .isCloseTo(Math.log(4), within(1e-15));
    }

    @Test
    void entropyOfLogitsEqualsEntropyOfSoftmax() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] z = randomLogits(random, 2 + random.nextInt(50), 5);
            double t = Math.pow(10, -1 + 2 * random.nextDouble());
            assertThat(Distributions.entropyOfLogits(z, t))
                    .isCloseTo(Distributions.entropy(Softmax.softmax(z, t)), within(1e-12));
        }
    }

    @Test
    void crossEntropyOfLogitsIsMinusLogSoftmaxOfLabel() {
        double[] z = {2.0, 1.0, 0.5, 0.1, -0.5};
        double[] p = SoftmaxTest.naiveSoftmax(z, 1.0);
        for (int y = 0; y < z.length; y++) {
            assertThat(Distributions.crossEntropyOfLogits(y, z)).isCloseTo(-Math.log(p[y]), within(1e-14));
            assertThat(Distributions.crossEntropy(y, p)).isCloseTo(-Math.log(p[y]), within(1e-15));
        }
        // stays finite where softmax(z)[label] underflows to 0
        assertThat(Distributions.crossEntropyOfLogits(1, new double[] {1e4, -1e4})).isEqualTo(2e4);
    }

    @Test
    void klIsNonNegativeAndZeroOnlyForEqualDistributions() {
        Random random = new Random(11);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + random.nextInt(30);
            double scale = Math.pow(10, -1 + 2 * random.nextDouble());
            double t = Math.pow(10, -1 + 2 * random.nextDouble());
            double[] p = randomLogits(random, n, scale);
            double[] q = randomLogits(random, n, scale);
            double kl = Distributions.klDivergenceOfLogits(p, q, t);
            assertThat(kl).isGreaterThan(0.0);
            assertThat(Distributions.klDivergence(Softmax.softmax(p, t), Softmax.softmax(q, t)))
                    .isCloseTo(kl, within(1e-12 + 1e-9 * kl));
            assertThat(Distributions.klDivergenceOfLogits(p, p, t)).isEqualTo(0.0);
            double[] shifted = p.clone();
            for (int i = 0; i < n; i++) {
                shifted[i] += 3.25;
            }
            assertThat(Distributions.klDivergenceOfLogits(p, shifted, t)).isCloseTo(0.0, within(1e-14));
        }
    }

    @Test
    void klOfKnownDistributions() {
        double[] p = {0.5, 0.5};
        double[] q = {0.25, 0.75};
        double expected = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
        assertThat(Distributions.klDivergence(p, q)).isCloseTo(expected, within(1e-15));
        assertThat(Distributions.klDivergence(new double[] {0, 1}, q)).isCloseTo(-Math.log(0.75), within(1e-15));
        assertThat(Distributions.klDivergence(q, new double[] {0, 1})).isInfinite();
    }

    @Test
    void klStaysFiniteAtExtremeLogitsAndTemperatures() {
        double[] teacher = {1e4, -1e4, 0};
        double[] student = {-1e4, 1e4, 5};
        for (double t : new double[] {0.01, 1, 1000}) {
            double kl = Distributions.klDivergenceOfLogits(teacher, student, t);
            assertThat(kl).as("T=%s", t).isFinite().isPositive();
            assertThat(Distributions.entropyOfLogits(teacher, t)).isFinite().isNotNegative();
        }
        // at T = 0.01 the teacher is one-hot on class 0 where the student's log-probability is -2e6
        assertThat(Distributions.klDivergenceOfLogits(teacher, student, 0.01)).isCloseTo(2e6, within(1e-6));
    }

    @Test
    void invalidArgumentsAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> Distributions.klDivergenceOfLogits(new double[] {1, 2}, new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pLogits has 2 classes but qLogits has 1");
        assertThatThrownBy(() -> Distributions.crossEntropyOfLogits(3, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 3 is out of range for 2 classes (0 to 1)");
        assertThatThrownBy(() -> Distributions.crossEntropyOfLogits(-1, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label -1 is out of range");
        assertThatThrownBy(() -> Distributions.entropy(new double[] {0.5, -0.1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p[1] is not a probability: -0.1");
        assertThatThrownBy(() -> Distributions.entropyOfLogits(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
    }
}
