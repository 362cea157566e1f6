package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kdplayground.math.VariantCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code loss --cases} with the other methods: the 300 reference cases of DKD, logit-standardised KD and ce_ls. */
class LossVariantsCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path referenceFile() throws Exception {
        Path file = dir.resolve("variants.jsonl");
        try (InputStream in = VariantCases.class.getResourceAsStream(VariantCases.RESOURCE)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theMathEngineReproducesEveryCaseToOneBillionth() throws Exception {
        assertThat(misses("math", 1e-9, 1e-14)).isEmpty();
    }

    @Test
    void theTrainingEngineReproducesEveryCaseWithinFloatNoise() throws Exception {
        // float32: 1e-5 relative, and an absolute floor for values near 0 scaled by the largest logit and T² (≤ 64)
        assertThat(misses("djl", 1e-5, 5e-4)).isEmpty();
    }

    private List<String> misses(String engine, double relative, double floor) throws Exception {
        CliRun run = CliRun.of("loss", "--cases", referenceFile().toString(), "--engine", engine).succeeds();
        List<String> lines = run.out().lines().toList();
        List<VariantCases.Case> cases = VariantCases.all();
        assertThat(lines).hasSize(cases.size());
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode expected = cases.get(i).json();
            JsonNode actual = MAPPER.readTree(lines.get(i));
            assertThat(actual.get("method").asText()).isEqualTo(expected.get("method").asText());
            for (String field : List.of("hard", "soft", "tckd", "nckd", "total")) {
                if (expected.has(field)) {
                    compare(misses, cases.get(i) + " " + field, actual.get(field).asDouble(),
                            expected.get(field).asDouble(), relative, floor);
                }
            }
            for (int k = 0; k < expected.get("grad").size(); k++) {
                compare(misses, cases.get(i) + " grad[" + k + "]", actual.get("grad").get(k).asDouble(),
                        expected.get("grad").get(k).asDouble(), relative, floor);
            }
        }
        return misses;
    }

    private static void compare(List<String> misses, String what, double actual, double expected, double relative,
                                double floor) {
        if (!(Math.abs(actual - expected) <= relative * Math.abs(expected) + floor)) {
            misses.add(what + ": " + actual + " vs " + expected);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"method\":\"dkd2\",\"student\":[1,2],\"teacher\":[2,1],\"label\":0,\"T\":4} | unknown method 'dkd2'",
            "{\"method\":\"dkd\",\"student\":[1,2],\"teacher\":[2,1],\"label\":0,\"T\":4,\"ce_weight\":1,\"dkd_alpha\":1,\"dkd_beta\":-1} | \"dkd_beta\" must be in [0, 100], got -1",
            "{\"method\":\"dkd\",\"student\":[1,2],\"teacher\":[2,1],\"label\":0,\"T\":4,\"ce_weight\":1,\"dkd_alpha\":1} | missing field 'dkd_beta'",
            "{\"method\":\"ce_ls\",\"student\":[1,2],\"label\":0,\"epsilon\":0.5} | \"epsilon\" must be in [0, 0.5), got 0.5",
            "{\"method\":\"lskd\",\"student\":[1,2],\"teacher\":[2,1,0],\"label\":0,\"T\":4,\"alpha\":0.5} | student logits has 2 classes but teacher logits has 3",
            "{\"method\":7,\"student\":[1,2],\"teacher\":[2,1],\"label\":0,\"T\":4,\"alpha\":0.5} | 'method' must be a text",
    })
    void aBadVariantLineIsOneLineNamingIt(String line, String message) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, line.trim() + "\n", StandardCharsets.UTF_8);
        CliRun.of("loss", "--cases", file.toString()).failsWith(ExitCodes.BAD_INPUT, file + " line 1: " + message);
    }
}
