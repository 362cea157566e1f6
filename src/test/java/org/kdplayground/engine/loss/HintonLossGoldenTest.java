package org.kdplayground.engine.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.kdplayground.engine.RunSettings;
import org.kdplayground.math.GoldenCases;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DJL Hinton loss agrees with PyTorch's float64 reference values for every golden case, to float32 precision. */
class HintonLossGoldenTest {

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
    void agreesWithEveryGoldenCase() {
        List<String> failures = new ArrayList<>();
        List<GoldenCases.Case> cases = GoldenCases.all();
        for (GoldenCases.Case c : cases) {
            double temperature = c.temperature();
            double alpha = c.alpha();
            RunSettings settings = RunSettings.DEFAULTS.withTemperature((float) temperature).withAlpha((float) alpha);
            ExampleLoss.Result r = ExampleLoss.evaluate(manager, settings, c.student(), c.teacher(), c.label());
            double[] s = c.student();
            double[] t = c.teacher();
            // float32 rounds every log-probability by ~6e-8 of its size; summed over the classes and scaled
            // by T² (soft) or T (gradient) that is the noise floor a float32 engine cannot go below
            double eps = Float32Noise.EPS;
            double logSize = Math.log(s.length) + 2 * Float32Noise.maxAbs(s, t) / Math.min(1, temperature);
            double softSize = Math.log(s.length) + 2 * Float32Noise.maxAbs(s, t) / temperature;
            double hardFloor = 4 * eps * (Math.log(s.length) + 2 * Float32Noise.maxAbs(s, t));
            double softFloor = 4 * eps * softSize * temperature * temperature;
            check(failures, c, "hard", r.part(LossMethod.HINTON, LossPart.HARD), c.hard(), hardFloor);
            check(failures, c, "soft", r.part(LossMethod.HINTON, LossPart.SOFT), c.soft(), softFloor);
            check(failures, c, "total", r.total(), c.total(), alpha * hardFloor + (1 - alpha) * softFloor);
            for (int i = 0; i < c.grad().length; i++) {
                check(failures, c, "grad[" + i + "]", r.grad()[i], c.grad()[i],
                        4 * eps * logSize * Math.max(1, temperature));
                check(failures, c, "p_student[" + i + "]", r.pStudent()[i], c.pStudent()[i], 4 * eps * logSize);
                check(failures, c, "p_teacher[" + i + "]", r.pTeacher()[i], c.pTeacher()[i], 4 * eps * logSize);
            }
        }
        assertThat(cases).hasSize(480);
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, GoldenCases.Case c, String field, double actual,
                              double expected, double float32Floor) {
        Float32Noise.check(failures, c + " " + field, actual, expected, float32Floor);
    }
}
