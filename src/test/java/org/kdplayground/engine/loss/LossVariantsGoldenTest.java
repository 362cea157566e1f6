package org.kdplayground.engine.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.kdplayground.engine.RunSettings;
import org.kdplayground.math.VariantCases;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's DKD, logit-standardised KD and label-smoothed CE agree with PyTorch's float64 reference values for all
 * 300 cases, within float32's noise: 1e-5 relative plus a floor that grows with the logits' size and with T.
 */
class LossVariantsGoldenTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void agreesWithEveryReferenceCase() {
        List<String> misses = new ArrayList<>();
        for (VariantCases.Case c : VariantCases.all()) {
            double[] s = c.array("student");
            int y = c.label();
            if (c.method().equals("ce_ls")) {
                ExampleLoss.CrossEntropyResult r = ExampleLoss.labelSmoothedCrossEntropy(manager, s, y,
                        c.number("epsilon"));
                double floor = 4 * Float32Noise.EPS * (Math.log(s.length) + 2 * Float32Noise.maxAbs(s, s));
                check(misses, c, "total", r.total(), c.number("total"), floor);
                compareGradient(misses, c, r.grad(), floor);
                continue;
            }
            double[] t = c.array("teacher");
            double temperature = c.number("T");
            RunSettings settings = RunSettings.DEFAULTS.withTemperature((float) temperature);
            LossMethod method = LossMethod.fromId(c.method());
            settings = method == LossMethod.DKD
                    ? settings.withLoss(method).withCeWeight((float) c.number("ce_weight"))
                    .withDkdAlpha((float) c.number("dkd_alpha")).withDkdBeta((float) c.number("dkd_beta"))
                    : settings.withLoss(method).withAlpha((float) c.number("alpha"));
            ExampleLoss.Result r = ExampleLoss.evaluate(manager, settings, s, t, y);
            // float32 rounds each log-probability by ~6e-8 of its size; the soft terms are scaled by T², their
            // gradients by T; standardised logits are of size ~√n whatever the logits' scale
            double size = method == LossMethod.LSKD ? Math.sqrt(s.length) : Float32Noise.maxAbs(s, t);
            double floor = 4 * Float32Noise.EPS * (Math.log(s.length) + 2 * size / Math.min(1, temperature))
                    * Math.max(1, temperature * temperature) * 12;
            for (LossPart part : method.parts()) {
                String name = part.name().toLowerCase(java.util.Locale.ROOT);
                check(misses, c, name, r.part(method, part), c.number(name), floor);
            }
            check(misses, c, "total", r.total(), c.number("total"), floor);
            compareGradient(misses, c, r.grad(), floor);
        }
        assertThat(misses).isEmpty();
    }

    private static void compareGradient(List<String> misses, VariantCases.Case c, double[] grad, double floor) {
        double[] expected = c.array("grad");
        for (int i = 0; i < expected.length; i++) {
            check(misses, c, "grad[" + i + "]", grad[i], expected[i], floor);
        }
    }

    private static void check(List<String> misses, VariantCases.Case c, String field, double actual, double expected,
                              double floor) {
        Float32Noise.check(misses, c + " " + field, actual, expected, floor);
    }
}
