package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path experiment(String json) throws Exception {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, json);
        return file;
    }

    private static final String TINY = """
            {"version": 1, "dataset": {"name": "two-moons", "size": 200, "noise": 0.2, "seed": 3},
             "teacher": {"hidden": [16, 16]}, "student": {"hidden": [4]},
             "epochs": 2, "batchSize": 32, "learningRate": 0.02, "seed": 5}
            """;

    @Test
    void trainsPrintsTheTableAndWritesTheCsvReproducibly() throws Exception {
        Path config = experiment(TINY);
        Path csv1 = dir.resolve("m1.csv");
        Path csv2 = dir.resolve("m2.csv");
        Outcome first = cli("train", "--config", config.toString(), "--out", csv1.toString(), "--alpha", "0.3");
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("teacher", "distilled", "baseline", "2-16-16-2 relu", "device cpu()");
        assertThat(first.err()).contains("100%").doesNotContain("Exception");
        cli("train", "--config", config.toString(), "--out", csv2.toString(), "--alpha", "0.3", "--no-progress");
        List<String> rows = Files.readAllLines(csv1);
        assertThat(rows.get(0)).startsWith("kind,phase,epoch,step");
        assertThat(rows).anyMatch(r -> r.startsWith("epoch,students,2"));
        assertThat(Files.readAllLines(csv2)).isEqualTo(rows);
    }

    @Test
    void badConfigFilesAreOneLineBadInput() throws Exception {
        Outcome missing = cli("train", "--config", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err().strip()).contains("no such file").doesNotContain("\n").doesNotContain("at org.");
        Outcome version = cli("train", "--config", experiment(TINY.replace("\"version\": 1", "\"version\": 2"))
                .toString());
        assertThat(version.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(version.err()).contains("version");
        Outcome typo = cli("train", "--config", experiment(TINY.replace("\"seed\": 5", "\"sede\": 5")).toString());
        assertThat(typo.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(typo.err()).contains("sede");
        Outcome json = cli("train", "--config", experiment("{\"version\": 1,").toString());
        assertThat(json.code()).isEqualTo(ExitCodes.BAD_INPUT);
        Outcome alpha = cli("train", "--config", experiment(TINY).toString(), "--alpha", "2");
        assertThat(alpha.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(alpha.err()).contains("alpha");
    }

    @Test
    void divergenceExitsWithDivergedAndNamesTheLearningRate() throws Exception {
        Outcome o = cli("train", "--config", experiment(TINY).toString(), "--lr", "1e6", "--no-progress");
        assertThat(o.code()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(o.err()).contains("learning rate");
    }

    @Test
    void shippedExperimentsParse() throws Exception {
        for (String name : List.of("two-moons.json", "digits.json")) {
            Path file = Path.of("assets/experiments", name);
            org.kdplayground.io.Experiment e = org.kdplayground.io.Experiment.read(file);
            assertThat(e.teacherEpochs()).isPositive();
        }
    }
}
