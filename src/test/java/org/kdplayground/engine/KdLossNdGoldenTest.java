package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.ndarray.NDManager;

/** The DJL loss agrees with PyTorch's float64 reference values for every golden case, to float32 precision. */
class KdLossNdGoldenTest {

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
    void agreesWithEveryGoldenCase() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        try (InputStream in = getClass().getResourceAsStream("kd-loss-golden.jsonl");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = json.readTree(line);
                cases++;
                double[] s = doubles(c.get("student"));
                double[] t = doubles(c.get("teacher"));
                double temperature = c.get("T").asDouble();
                KdLossNd.CaseResult r = KdLossNd.evaluateCase(manager, s, t, c.get("label").asInt(), temperature,
                        c.get("alpha").asDouble());
                double alpha = c.get("alpha").asDouble();
                // float32 rounds every log-probability by ~6e-8 of its size; summed over the classes and scaled
                // by T² (soft) or T (gradient) that is the noise floor a float32 engine cannot go below
                double eps = 6e-8;
                double logSize = Math.log(s.length) + 2 * maxAbs(s, t) / Math.min(1, temperature);
                double softSize = Math.log(s.length) + 2 * maxAbs(s, t) / temperature;
                double hardFloor = 4 * eps * (Math.log(s.length) + 2 * maxAbs(s, t));
                double softFloor = 4 * eps * softSize * temperature * temperature;
                check(failures, cases, "hard", r.hard(), c.get("hard").asDouble(), hardFloor);
                check(failures, cases, "soft", r.soft(), c.get("soft").asDouble(), softFloor);
                check(failures, cases, "total", r.total(), c.get("total").asDouble(),
                        alpha * hardFloor + (1 - alpha) * softFloor);
                double[] grad = doubles(c.get("grad"));
                double[] ps = doubles(c.get("p_student"));
                double[] pt = doubles(c.get("p_teacher"));
                for (int i = 0; i < grad.length; i++) {
                    check(failures, cases, "grad[" + i + "]", r.grad()[i], grad[i],
                            4 * eps * logSize * Math.max(1, temperature));
                    check(failures, cases, "p_student[" + i + "]", r.pStudent()[i], ps[i], 4 * eps * logSize);
                    check(failures, cases, "p_teacher[" + i + "]", r.pTeacher()[i], pt[i], 4 * eps * logSize);
                }
            }
        }
        assertThat(cases).isEqualTo(480);
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, int index, String field, double actual, double expected,
                              double float32Floor) {
        double tolerance = 1e-5 * Math.abs(expected) + float32Floor;
        if (!(Math.abs(actual - expected) <= tolerance)) {
            failures.add("case " + index + " " + field + ": " + actual + " vs " + expected);
        }
    }

    private static double maxAbs(double[] a, double[] b) {
        double max = 0;
        for (double x : a) {
            max = Math.max(max, Math.abs(x));
        }
        for (double x : b) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
