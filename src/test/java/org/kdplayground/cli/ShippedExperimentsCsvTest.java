package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped experiment, trained with {@code --seed 1}, writes the same CSV to the byte as the code that pinned
 * the hashes: the numbers a user reproduces from the README do not move when the code around them is reorganised.
 */
class ShippedExperimentsCsvTest {

    @TempDir
    Path dir;

    static Stream<String> shippedExperiments() throws IOException {
        return pinned().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("shippedExperiments")
    void trainWritesTheCsvPinnedForTheShippedExperiment(String file) throws Exception {
        Path csv = dir.resolve(file + ".csv");
        CliRun run = CliRun.of("train", "--config", Path.of("assets/experiments", file).toString(), "--seed", "1",
                "--out", csv.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sha256(Files.readAllBytes(csv))).as("CSV of %s", file).isEqualTo(pinned().get(file));
    }

    private static Map<String, String> pinned() throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (InputStream in = ShippedExperimentsCsvTest.class.getResourceAsStream("shipped-experiments.sha256")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" "))
                    .forEach(parts -> hashes.put(parts[0], parts[1]));
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
