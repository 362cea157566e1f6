package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.kdplayground.engine.loss.Float32Noise;
import org.kdplayground.math.GoldenCases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loss --engine djl}: the training engine's float32 loss agrees with PyTorch's float64 golden values. */
class DjlLossCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyGoldenCaseAgreesToFloat32Precision() throws IOException {
        Path file = dir.resolve("golden.jsonl");
        try (InputStream in = GoldenCases.class.getResourceAsStream(GoldenCases.RESOURCE)) {
            Files.copy(in, file);
        }
        CliRun run = CliRun.of("loss", "--cases", file.toString(), "--engine", "djl").succeeds();
        List<String> lines = run.out().lines().toList();
        List<GoldenCases.Case> golden = GoldenCases.all();
        assertThat(lines).hasSize(golden.size());
        List<String> misses = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            JsonNode n = MAPPER.readTree(lines.get(k));
            GoldenCases.Case g = golden.get(k);
            // float32 rounds each log-probability by ~6e-8 of its size (the engine's golden test derives these
            // floors); the command must stay within them, whatever scaling it combines
            double eps = Float32Noise.EPS;
            double largest = Float32Noise.maxAbs(g.student(), g.teacher());
            double size = Math.log(g.student().length) + 2 * largest;
            double logSize = Math.log(g.student().length) + 2 * largest / Math.min(1, g.temperature());
            double softSize = Math.log(g.student().length) + 2 * largest / g.temperature();
            double hardFloor = 4 * eps * size;
            double softFloor = 4 * eps * softSize * g.temperature() * g.temperature();
            check(misses, g, "p_student", GoldenCases.doubles(n.get("p_student")), g.pStudent(), 4 * eps * logSize);
            check(misses, g, "p_teacher", GoldenCases.doubles(n.get("p_teacher")), g.pTeacher(), 4 * eps * logSize);
            check(misses, g, "hard", n.get("hard").asDouble(), g.hard(), hardFloor);
            check(misses, g, "soft", n.get("soft").asDouble(), g.soft(), softFloor);
            check(misses, g, "total", n.get("total").asDouble(), g.total(),
                    g.alpha() * hardFloor + (1 - g.alpha()) * softFloor);
            check(misses, g, "grad", GoldenCases.doubles(n.get("grad")), g.grad(),
                    4 * eps * logSize * Math.max(1, g.temperature()));
        }
        assertThat(misses).as("cases outside float32 precision").isEmpty();
    }

    private static void check(List<String> misses, GoldenCases.Case g, String what, double actual,
                              double expected, double floor) {
        check(misses, g, what, new double[] {actual}, new double[] {expected}, floor);
    }

    private static void check(List<String> misses, GoldenCases.Case g, String what, double[] actual,
                              double[] expected, double floor) {
        for (int i = 0; i < expected.length; i++) {
            Float32Noise.check(misses, "line " + g.line() + " " + what + "[" + i + "]", actual[i], expected[i], floor);
        }
    }
}
