package org.kdplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kdplayground.data.CsvTable;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.engine.Experiment;

/** Drawn points and CSV tables in experiment and workspace files: written whole, read back equal, read strictly. */
class UsersDataJsonTest {

    @TempDir
    Path dir;

    static final DrawnPoints POINTS = DrawnPoints.EMPTY.plus(0.25, -1.5, 0).plus(1e-3, 2, 1).plus(-0.75, 0.5, 5);

    private static String drawn(String points) {
        return "{\"version\": 1, \"dataset\": {\"name\": \"drawn\", \"points\": " + points + "}}";
    }

    @Test
    void drawnPointsRoundTripThroughAnExperimentFileAndAWorkspaceFile() throws Exception {
        Experiment e = Experiment.of(DatasetSpec.drawn(POINTS).withSeed(7));
        Path file = dir.resolve("drawn.json");
        Files.writeString(file, ExperimentFile.toJson(e), StandardCharsets.UTF_8);
        assertThat(ExperimentFile.read(file)).isEqualTo(e);
        assertThat(ExperimentFile.read(file).dataset().points().classOf(2)).isEqualTo(5);

        Workspace w = WorkspaceFileTest.randomWorkspace(new java.util.Random(3), false);
        Workspace withDrawing = new Workspace(w.explorer(), new Workspace.Training("TWO_MOONS", e), w.sweep());
        Path workspace = dir.resolve("w" + WorkspaceFile.EXTENSION);
        WorkspaceFile.write(workspace, withDrawing);
        assertThat(WorkspaceFile.read(workspace)).isEqualTo(withDrawing);
    }

    @Test
    void aCsvTableRoundTripsAndARelativePathIsResolvedAgainstTheExperimentsFolder() throws Exception {
        Experiment named = Experiment.of(DatasetSpec.csv(new CsvTable(dir.resolve("iris.csv"), "species", -1)));
        assertThat(ExperimentFile.parse(ExperimentFile.toJson(named))).isEqualTo(named);
        Experiment indexed = Experiment.of(DatasetSpec.csv(new CsvTable(Path.of("t.csv"), null, 2)));
        assertThat(ExperimentFile.parse(ExperimentFile.toJson(indexed))).isEqualTo(indexed);
        Experiment last = Experiment.of(DatasetSpec.csv(CsvTable.lastColumn(Path.of("t.csv"))));
        assertThat(ExperimentFile.parse(ExperimentFile.toJson(last))).isEqualTo(last);

        Path sub = Files.createDirectories(dir.resolve("experiments"));
        Path file = Files.writeString(sub.resolve("csv.json"), "{\"version\": 1, \"dataset\": {\"name\": \"csv\","
                + " \"file\": \"../data/iris.csv\", \"label\": 4}}");
        CsvTable table = ExperimentFile.read(file).dataset().table();
        assertThat(table.file()).isEqualTo(dir.resolve("data/iris.csv").toAbsolutePath().normalize());
        assertThat(table.labelIndex()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[[0, 0, 0], [1, \"x\", 1]]|\"dataset.points[1]\" must be [x, y, class] with finite numbers x, y and a class from 0 to 5, got [1,\"x\",1]",
        "[[0, 0, 0], [1, 1]]|\"dataset.points[1]\" must be [x, y, class] with finite numbers x, y and a class from 0 to 5, got [1,1]",
        "[[0, 0, 0, 1]]|\"dataset.points[0]\" must be [x, y, class] with finite numbers x, y and a class from 0 to 5, got [0,0,0,1]",
        "[[0, 0, 6]]|\"dataset.points[0]\" must be [x, y, class] with finite numbers x, y and a class from 0 to 5, got [0,0,6]",
        "[[0, 0, 1.5]]|\"dataset.points[0]\" must be [x, y, class] with finite numbers x, y and a class from 0 to 5, got [0,0,1.5]",
        "[[0, \"NaN\", 1]]|\"dataset.points[0]\" must be [x, y, class] with finite numbers x, y and a class from 0 to 5, got [0,\"NaN\",1]",
        "{\"x\": 1}|\"dataset.points\" must be a list of [x, y, class]",
    })
    void aBadPointIsNamedByTheFileAndItsPlace(String points, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), drawn(points));
        assertThatThrownBy(() -> ExperimentFile.read(file)).isInstanceOf(ExperimentException.class)
                .hasMessage("experiment " + file + ": " + problem);
    }

    @Test
    void keysOfTheUsersDataBelongToTheirDataSetAndAreRequiredThere() {
        assertThatThrownBy(() -> ExperimentFile.parse("{\"version\": 1, \"dataset\": {\"name\": \"two-moons\","
                + " \"points\": []}}")).hasMessage("\"dataset.points\" belongs to the drawn data set, not to two-moons");
        assertThatThrownBy(() -> ExperimentFile.parse("{\"version\": 1, \"dataset\": {\"name\": \"drawn\"}}"))
                .hasMessage("\"points\" is missing");
        assertThatThrownBy(() -> ExperimentFile.parse("{\"version\": 1, \"dataset\": {\"name\": \"csv\"}}"))
                .hasMessage("\"file\" is missing");
        assertThatThrownBy(() -> ExperimentFile.parse("{\"version\": 1, \"dataset\": {\"name\": \"csv\", \"file\":"
                + " \"a.csv\", \"label\": -1}}")).hasMessageContaining("\"dataset.label\" must be a column's name");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= DrawnPoints.MAX_POINTS; i++) {
            many.append(i == 0 ? "" : ",").append("[0,0,0]");
        }
        assertThatThrownBy(() -> ExperimentFile.parse(drawn(many + "]")))
                .hasMessage("\"dataset.points\" holds 20,001 points; at most 20,000 can be drawn");
    }
}
