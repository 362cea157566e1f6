package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's stderr holds our lines only: no DJL log lines, no CUDA probe warning on a machine without a GPU,
 * no libtorch deprecation warning, unless {@code --verbose} asks (issue 19, item 8). Runs the real launcher in a child
 * JVM, since logging and native stderr are per process.
 */
class QuietStderrTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.kdplayground.Launcher"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void trainSaysNothingOnStderrButItsOwnLinesUnlessVerbose() throws Exception {
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, """
                {"version": 1, "dataset": {"name": "two-moons", "size": 120, "seed": 3},
                 "teacher": {"hidden": [8]}, "student": {"hidden": [4]}, "epochs": 1, "seed": 5}
                """);
        Result quiet = launch("train", "--config", config.toString(), "--no-progress");
        assertThat(quiet.code()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("teacher ");
        assertThat(quiet.err()).as("stderr of a quiet run").isEmpty();

        Result verbose = launch("train", "--config", config.toString(), "--no-progress", "--verbose");
        assertThat(verbose.code()).as(verbose.err()).isZero();
        assertThat(verbose.err()).as("--verbose lets the engine's log through").contains("ai.djl");

        Result bad = launch("train", "--config", dir.resolve("missing.json").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err().strip().lines()).hasSize(1).allSatisfy(line -> assertThat(line)
                .startsWith("kd-playground: "));
    }
}
