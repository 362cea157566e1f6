package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** DKD, logit-standardised KD and label-smoothed CE in double precision, against PyTorch and against themselves. */
class LossVariantsTest {

    @Test
    void everyReferenceCaseAgreesToOneBillionth() {
        List<String> misses = new ArrayList<>();
        List<VariantCases.Case> cases = VariantCases.all();
        for (VariantCases.Case c : cases) {
            double[] s = c.array("student");
            switch (c.method()) {
                case "dkd" -> {
                    DecoupledKdLoss.Result r = DecoupledKdLoss.compute(s, c.array("teacher"), c.label(), c.number("T"),
                            c.number("ce_weight"), c.number("dkd_alpha"), c.number("dkd_beta"));
                    check(misses, c, "hard", r.hard(), c.number("hard"));
                    check(misses, c, "tckd", r.tckd(), c.number("tckd"));
                    check(misses, c, "nckd", r.nckd(), c.number("nckd"));
                    check(misses, c, r.total(), r.grad());
                }
                case "lskd" -> {
                    StandardizedKdLoss.Result r = StandardizedKdLoss.compute(s, c.array("teacher"), c.label(),
                            c.number("T"), c.number("alpha"));
                    check(misses, c, "hard", r.hard(), c.number("hard"));
                    check(misses, c, "soft", r.soft(), c.number("soft"));
                    check(misses, c, r.total(), r.grad());
                }
                case "ce_ls" -> {
                    LabelSmoothing.Result r = LabelSmoothing.crossEntropy(s, c.label(), c.number("epsilon"));
                    check(misses, c, r.total(), r.grad());
                }
                default -> misses.add(c + ": unknown method");
            }
        }
        assertThat(cases).hasSize(300);
        assertThat(misses).isEmpty();
    }

    private static void check(List<String> misses, VariantCases.Case c, double total, double[] grad) {
        check(misses, c, "total", total, c.number("total"));
        double[] expected = c.array("grad");
        for (int i = 0; i < expected.length; i++) {
            check(misses, c, "grad[" + i + "]", grad[i], expected[i]);
        }
    }

    /** 1e-9 relative, with a floor of 1e-14 for values near 0. */
    private static void check(List<String> misses, VariantCases.Case c, String field, double actual, double expected) {
        if (!(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) + 1e-14)) {
            misses.add(c + " " + field + ": " + actual + " vs " + expected);
        }
    }

    /** Zhao et al.: the Hinton loss's soft term is TCKD + (1 − p_t)·NCKD, p_t the teacher's probability of the target. */
    @Test
    void hintonsSoftTermIsTckdPlusWeightedNckd() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            int k = 2 + random.nextInt(9);
            double[] s = logits(random, k, 1 + random.nextInt(10));
            double[] t = logits(random, k, 1 + random.nextInt(10));
            int y = random.nextInt(k);
            double temperature = 0.5 + random.nextDouble() * 8;
            DecoupledKdLoss.Result dkd = DecoupledKdLoss.compute(s, t, y, temperature, 1, 1, 1);
            double soft = DistillationLoss.compute(s, t, y, temperature, 0).soft();
            double pt = Softmax.softmax(t, temperature)[y];
            assertThat(dkd.tckd()).isGreaterThanOrEqualTo(0);
            assertThat(dkd.nckd()).isGreaterThanOrEqualTo(0);
            assertThat(dkd.tckd() + (1 - pt) * dkd.nckd()).as("case %d", n)
                    .isCloseTo(soft, within(1e-12 * Math.max(1, soft)));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random random = new Random(11);
        for (int n = 0; n < 60; n++) {
            int k = 2 + random.nextInt(6);
            double[] s = logits(random, k, 3);
            double[] t = logits(random, k, 3);
            int y = random.nextInt(k);
            double temperature = 0.5 + random.nextDouble() * 4;
            double alpha = random.nextDouble();
            assertFiniteDifference(s, z -> DecoupledKdLoss.compute(z, t, y, temperature, 0.7, 1.3, 8).total(),
                    DecoupledKdLoss.compute(s, t, y, temperature, 0.7, 1.3, 8).grad());
            assertFiniteDifference(s, z -> StandardizedKdLoss.compute(z, t, y, temperature, alpha).total(),
                    StandardizedKdLoss.compute(s, t, y, temperature, alpha).grad());
            assertFiniteDifference(s, z -> LabelSmoothing.crossEntropy(z, y, 0.2).total(),
                    LabelSmoothing.crossEntropy(s, y, 0.2).grad());
        }
    }

    @Test
    void standardisedLogitsHaveMeanZeroAndUnitSampleDeviation() {
        double[] z = StandardizedKdLoss.standardize(new double[] {3, 1, 4, 1, 5});
        double mean = java.util.Arrays.stream(z).average().orElseThrow();
        double var = java.util.Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / (z.length - 1);
        assertThat(mean).isCloseTo(0, within(1e-12));
        assertThat(var).isCloseTo(1, within(1e-6));
        // the scale of the logits does not matter: only their shape
        double[] scaled = StandardizedKdLoss.standardize(new double[] {30, 10, 40, 10, 50});
        assertThat(scaled).containsExactly(z, within(1e-6));
    }

    private static void assertFiniteDifference(double[] z, Function<double[], Double> f, double[] grad) {
        double h = 1e-6;
        for (int i = 0; i < z.length; i++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (f.apply(up) - f.apply(down)) / (2 * h);
            assertThat(grad[i]).as("d/dz[%d]", i).isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    private static double[] logits(Random random, int k, double scale) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = random.nextGaussian() * scale;
        }
        return z;
    }
}
