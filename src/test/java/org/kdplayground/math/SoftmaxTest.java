package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxTest {

    static final double[] SEED_LOGITS = {2.0, 1.0, 0.5, 0.1, -0.5};

    /** The textbook formula, fine for small logits: an independent check. */
    static double[] naiveSoftmax(double[] z, double t) {
        double[] p = new double[z.length];
        double sum = 0.0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] / t);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Test
    void softmaxOfSeedLogitsMatchesTextbookFormula() {
        for (double t : new double[] {1, 2, 4, 8}) {
            double[] p = Softmax.softmax(SEED_LOGITS, t);
            double[] expected = naiveSoftmax(SEED_LOGITS, t);
            for (int i = 0; i < p.length; i++) {
                assertThat(p[i]).isCloseTo(expected[i], within(1e-15));
            }
        }
        assertThat(Softmax.softmax(SEED_LOGITS, 1.0)[0]).isCloseTo(0.5486, within(1e-4));
    }

    @Test
    void softmaxIsInvariantToAddingAConstant() {
        double[] shifted = {1002.0, 1001.0, 1000.5, 1000.1, 999.5};
        double[] a = Softmax.softmax(SEED_LOGITS, 2.0);
        double[] b = Softmax.softmax(shifted, 2.0);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.1, 1, 10, 1000})
    void softmaxSumsToOneForExtremeLogits(double t) {
        double[] z = {1e4, -1e4, 0.0, 9999.5, -9999.9, 1e4};
        double[] p = Softmax.softmax(z, t);
        double[] logP = Softmax.logSoftmax(z, t);
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isFinite().isBetween(0.0, 1.0);
            assertThat(logP[i]).isFinite().isLessThanOrEqualTo(0.0);
            sum += p[i];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(Softmax.logSumExp(z, t)).isFinite();
    }

    @Test
    void softmaxSumsToOneForSeededRandomLogits() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(200);
            double scale = Math.pow(10, -2 + 6 * random.nextDouble());
            double t = Math.pow(10, -2 + 5 * random.nextDouble());
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = Math.max(-1e4, Math.min(1e4, scale * random.nextGaussian()));
            }
            double sum = 0.0;
            for (double p : Softmax.softmax(z, t)) {
                assertThat(p).isBetween(0.0, 1.0);
                sum += p;
            }
            assertThat(sum).as("trial %d", trial).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void logSoftmaxIsLogOfSoftmaxAndStaysExactWhereSoftmaxUnderflows() {
        double[] p = Softmax.softmax(SEED_LOGITS, 3.0);
        double[] logP = Softmax.logSoftmax(SEED_LOGITS, 3.0);
        for (int i = 0; i < p.length; i++) {
            assertThat(logP[i]).isCloseTo(Math.log(p[i]), within(1e-14));
        }
        double[] extreme = Softmax.logSoftmax(new double[] {1e4, -1e4}, 0.01);
        assertThat(extreme[0]).isEqualTo(0.0);
        assertThat(extreme[1]).isEqualTo(-2e6);
    }

    @Test
    void logSumExpMatchesDirectSumForSmallLogits() {
        double direct = Math.log(Math.exp(2.0 / 2) + Math.exp(1.0 / 2) + Math.exp(0.5 / 2) + Math.exp(0.1 / 2)
                + Math.exp(-0.5 / 2));
        assertThat(Softmax.logSumExp(SEED_LOGITS, 2.0)).isCloseTo(direct, within(1e-15));
        assertThat(Softmax.logSumExp(new double[] {1e4, 1e4}, 1.0)).isCloseTo(1e4 + Math.log(2), within(1e-9));
    }

    @Test
    void highTemperatureGivesUniform() {
        double[] p = Softmax.softmax(SEED_LOGITS, 1e6);
        for (double pi : p) {
            assertThat(pi).isCloseTo(0.2, within(1e-6));
        }
        assertThat(Distributions.entropyOfLogits(SEED_LOGITS, 1e6)).isCloseTo(Math.log(5), within(1e-9));
    }

    @Test
    void lowTemperatureGivesOneHot() {
        double[] p = Softmax.softmax(SEED_LOGITS, 0.01);
        assertThat(p[0]).isCloseTo(1.0, within(1e-15));
        for (int i = 1; i < p.length; i++) {
            assertThat(p[i]).isLessThan(1e-40);
        }
        assertThat(Distributions.entropyOfLogits(SEED_LOGITS, 0.01)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void temperatureLimitsApproachUniformAndOneHotMonotonically() {
        double previousEntropy = -1.0;
        for (double t = 0.05; t < 2000; t *= 1.5) {
            double h = Distributions.entropyOfLogits(SEED_LOGITS, t);
            assertThat(h).as("entropy at T=%s", t).isGreaterThan(previousEntropy);
            previousEntropy = h;
        }
        assertThat(previousEntropy).isCloseTo(Math.log(5), within(1e-4));
    }

    @Test
    void outVariantsWriteIntoCallerArrayAndMayWorkInPlace() {
        double[] out = new double[5];
        assertThat(Softmax.softmax(SEED_LOGITS, 4.0, out)).isSameAs(out).containsExactly(
                Softmax.softmax(SEED_LOGITS, 4.0));
        double[] inPlace = SEED_LOGITS.clone();
        Softmax.logSoftmax(inPlace, 4.0, inPlace);
        assertThat(inPlace).containsExactly(Softmax.logSoftmax(SEED_LOGITS, 4.0));
    }

    @Test
    void invalidArgumentsAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> Softmax.softmax(new double[0], 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("logits must not be empty");
        assertThatThrownBy(() -> Softmax.softmax(new double[] {1, Double.NaN}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("logits[1] is not finite: NaN");
        assertThatThrownBy(() -> Softmax.softmax(new double[] {1, Double.POSITIVE_INFINITY}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> Softmax.softmax(SEED_LOGITS, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature must be positive and finite, got 0.0");
        assertThatThrownBy(() -> Softmax.logSoftmax(SEED_LOGITS, -1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
        assertThatThrownBy(() -> Softmax.softmax(SEED_LOGITS, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
        assertThatThrownBy(() -> Softmax.softmax(SEED_LOGITS, 1.0, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output array has length 4");
        assertThatThrownBy(() -> Softmax.softmax(null, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("logits must not be null");
    }
}
