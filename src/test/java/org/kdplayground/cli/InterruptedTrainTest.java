package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C at a random moment of {@code train}: the CSV holds whole rows only, every one with the header's columns, and a
 * cancelled run prints its table and exits 130 (issue 19, item 2). Twenty child JVMs, each sent SIGINT by
 * {@code kill -INT} at a random moment of its training: after it said it started (so the signal meets the run, not
 * the JVM's start-up) and long before it could end.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptedTrainTest {

    private static final int RUNS = 20;

    @TempDir
    Path dir;

    @Test
    void everyInterruptedRunLeavesACsvOfWholeRows() throws Exception {
        Path config = dir.resolve("moons.json");
        Files.writeString(config, """
                {"version": 1, "dataset": {"name": "two-moons", "size": 400, "seed": 3},
                 "teacher": {"hidden": [16, 16]}, "student": {"hidden": [4]}, "epochs": 400, "batchSize": 16,
                 "seed": 5}
                """);
        Random random = new Random(19);
        for (int run = 0; run < RUNS; run++) {
            Path csv = dir.resolve("run-" + run + ".csv");
            Path out = dir.resolve("run-" + run + ".out");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                    "org.kdplayground.Launcher", "train", "--config", config.toString(), "--out", csv.toString()));
            Path err = dir.resolve("run-" + run + ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(err) && Files.readString(err).contains("Training on")) && p.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100 + random.nextInt(1400));
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("run %d ends after SIGINT", run).isTrue();
            assertThat(p.exitValue()).as("run %d's exit code", run).isEqualTo(ExitCodes.CANCELLED);
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertThat(text).as("run %d: the CSV ends with a whole row", run).endsWith("\n");
            List<String> rows = text.lines().toList();
            assertThat(rows).as("run %d: the header and rows", run).hasSizeGreaterThan(1);
            int columns = rows.get(0).split(",", -1).length;
            assertThat(rows).as("run %d: every row has the header's columns", run)
                    .allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(columns));
            for (String row : rows.subList(1, rows.size())) {
                for (String cell : row.split(",", -1)) {
                    if (!cell.isEmpty() && !cell.matches("[a-z_]+")) {
                        Double.parseDouble(cell); // a cut number would not parse
                    }
                }
            }
            assertThat(Files.readString(out)).as("run %d prints the table of what finished", run)
                    .contains("model ", "; cancelled");
        }
    }
}
