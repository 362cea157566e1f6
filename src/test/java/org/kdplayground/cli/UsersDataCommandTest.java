package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.engine.Experiment;
import org.kdplayground.io.ExperimentFile;

/** {@code train --config} runs a drawn data set and a CSV table like any other set, and refuses a bad one in one line. */
class UsersDataCommandTest {

    @TempDir
    Path dir;

    private static final String RUN = "\"teacher\": {\"hidden\": [8]}, \"student\": {\"hidden\": [4]}, \"epochs\": 2,"
            + " \"seed\": 3";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void trainRunsADrawnDataSetSavedAsAnExperimentFile() throws IOException {
        DrawnPoints points = DrawnPoints.EMPTY;
        for (int i = 0; i < 20; i++) {
            points = points.plus(-1 + 0.01 * i, 0.3 * Math.sin(i), 0).plus(1 - 0.01 * i, 0.3 * Math.cos(i), 1);
        }
        Path file = write("drawn.json", ExperimentFile.toJson(Experiment.of(DatasetSpec.drawn(points))));
        Path csv = dir.resolve("drawn.csv");
        CliRun run = CliRun.of("train", "--config", file.toString(), "--epochs", "2", "--out", csv.toString(),
                "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSizeGreaterThan(4); // the header, then the teacher's and the students' epochs
        assertThat(rows.get(0)).contains("distilled");
        assertThat(run.out()).contains("distilled");
    }

    @Test
    void trainRunsACsvTableNamedRelativeToTheExperimentFile() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        StringBuilder iris = new StringBuilder("sepal length;sepal width;petal length;petal width;species\n");
        String[] species = {"setosa", "versicolor", "virginica"};
        for (int i = 0; i < 45; i++) {
            int s = i % 3;
            iris.append(5 + s + 0.01 * i).append(';').append(3 - 0.2 * s).append(';').append(1.4 + 2 * s)
                    .append(';').append(0.2 + s + 0.01 * i).append(';').append(species[s]).append('\n');
        }
        write("data/iris.csv", iris.toString());
        Path config = Files.createDirectories(dir.resolve("experiments")).resolve("iris.json");
        Files.writeString(config, "{\"version\": 1, \"dataset\": {\"name\": \"csv\", \"file\": \"../data/iris.csv\","
                + " \"label\": \"species\"}, " + RUN + "}");
        CliRun run = CliRun.of("train", "--config", config.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("teacher");
    }

    @Test
    void aDrawingOrATableThatCannotBeTrainedOnIsOneLineAndExitCode3() throws IOException {
        Path oneClass = write("one.json", "{\"version\": 1, \"dataset\": {\"name\": \"drawn\", \"points\": "
                + "[[0, 0, 1], [1, 1, 1], [2, 2, 1], [3, 3, 1]]}, " + RUN + "}");
        assertOneLine(CliRun.of("train", "--config", oneClass.toString(), "--no-progress"),
                "dataset drawn: draw points of at least 2 classes (1 drawn)");
        Path badPoint = write("bad.json", "{\"version\": 1, \"dataset\": {\"name\": \"drawn\", \"points\": "
                + "[[0, 0, 1], [1, 1, \"one\"]]}}");
        assertOneLine(CliRun.of("train", "--config", badPoint.toString()), "\"dataset.points[1]\" must be");
        Path missing = write("missing.json", "{\"version\": 1, \"dataset\": {\"name\": \"csv\", \"file\": "
                + "\"nowhere.csv\"}, " + RUN + "}");
        assertOneLine(CliRun.of("train", "--config", missing.toString(), "--no-progress"),
                "nowhere.csv: file not found");
        write("ragged.csv", "a,b,c\n1,2,x\n3,y\n");
        Path ragged = write("ragged.json", "{\"version\": 1, \"dataset\": {\"name\": \"csv\", \"file\": "
                + "\"ragged.csv\"}, " + RUN + "}");
        assertOneLine(CliRun.of("train", "--config", ragged.toString(), "--no-progress"),
                "ragged.csv line 3: expected 3 columns, found 2");
    }

    private static void assertOneLine(CliRun run, String says) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(says).doesNotContain("Exception");
    }
}
