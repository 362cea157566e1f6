package org.kdplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.PreparedRun;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.engine.loss.LossMethod;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentFileTest {

    static final List<String> SHIPPED = List.of("two-moons.json", "digits.json", "digits-few-labels.json",
            "digits-tiny-student.json", "digits-omit-3.json");

    @TempDir
    Path dir;

    /** Issue 19, items 1 and 9: crafted files are one line naming the file and the limit or the byte. */
    @Test
    void aKeyWithALineBreakIsQuotedBackOnOneLine() throws IOException {
        // found by UsersDataFuzzTest: the unknown key was echoed with its line break, a message of two lines
        Path file = Files.writeString(dir.resolve("broken key.json"),
                "{\"version\": 1, \"alpha\": 0.5, \"teacher\\nLabel\\u0007\": 0}", StandardCharsets.UTF_8);
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentFile.read(file));
        assertThat(e.getMessage()).doesNotContain("\n").contains("unknown setting")
                .contains("teacher\\nLabel\\u0007");
        WorkspaceException w = new WorkspaceException(WorkspaceException.Kind.INVALID, "a\r\nb\tc");
        assertThat(w.detail()).isEqualTo("a\\r\\nb\\tc");
    }

    @Test
    void craftedFilesAreRefusedWithTheLimitOrTheByteTheyBreak() throws IOException {
        String minimal = "{\"version\": 1, \"dataset\": {\"name\": \"xor\"}}";
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "{\"version\": 1, \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(deep)).getMessage())
                .isEqualTo("experiment " + deep + ": refused: nested deeper than 64 levels");
        Path longText = dir.resolve("long.json");
        Files.writeString(longText, "{\"version\": 1, \"description\": \"" + "a".repeat(2_000_000) + "\"}");
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(longText)).getMessage())
                .endsWith(": refused: holds a text longer than 1,000,000 characters");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"version\": 1, \"description\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(latin1)).getMessage())
                .isEqualTo("experiment " + latin1 + ": not UTF-8 text: byte 34 (0xE9) is not part of a UTF-8"
                        + " character; save the file as UTF-8");
        Path bom = dir.resolve("bom.json");
        Files.write(bom, ("\uFEFF" + minimal).getBytes(StandardCharsets.UTF_8));
        assertThat(ExperimentFile.read(bom).dataset().name()).as("a byte-order mark is not an error")
                .isEqualTo("xor");
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(dir)).getMessage())
                .startsWith("experiment " + dir + ": cannot read it");
    }

    @Test
    void everyShippedExperimentIsOnTheClassPathAndParses() throws IOException {
        for (String name : SHIPPED) {
            try (InputStream in = ExperimentFile.class.getResourceAsStream("/org/kdplayground/experiments/" + name)) {
                assertThat(in).as(name).isNotNull();
                Experiment e = ExperimentFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(e.settings().teacherEpochs()).as(name).isPositive();
                assertThat(e.settings().loss()).as(name).isEqualTo(LossMethod.HINTON);
            }
        }
    }

    @Test
    void fewLabelsPresetReadsAsWritten() {
        Experiment e = ExperimentFile.read(Path.of("assets/experiments/digits-few-labels.json"));
        assertThat(e.dataset().name()).isEqualTo("digits-8x8");
        assertThat(e.teacher()).isEqualTo(MlpSpec.of(256, 256));
        assertThat(e.student()).isEqualTo(MlpSpec.of(16));
        assertThat(e.settings().labelledFraction()).isEqualTo(0.05);
        assertThat(e.settings().transferSet()).isEqualTo(TransferSet.ALL);
        assertThat(e.settings().teacherSeesAllLabels()).isTrue();
    }

    @Test
    void prepareLoadsNormalisesAndConfigures() {
        Experiment read = ExperimentFile.read(Path.of("assets/experiments/two-moons.json"));
        Experiment e = read.withSettings(read.settings().withTemperature(2).withAlpha(0.25f).withSeed(7));
        PreparedRun run = e.prepare();
        RunConfig c = run.config();
        assertThat(c.settings()).isEqualTo(e.settings());
        assertThat(c.train().size()).isEqualTo(run.rawSplit().train().size());
        // standardised: the training features have mean ~0
        double mean = 0;
        for (float[] row : c.train().features()) {
            mean += row[0];
        }
        assertThat(mean / c.train().size()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(run.rawSplit().train().features()[0][0]).isNotEqualTo(c.train().features()[0][0]);
    }

    @Test
    void unknownKeyWrongVersionAndBadJsonNameTheProblem() throws IOException {
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"version\": 1, \"dataset\": {\"name\": \"xor\"}, \"temprature\": 3}");
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(typo)).getMessage())
                .contains("typo.json").contains("unknown setting \"temprature\"");

        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"version\": 2, \"dataset\": {\"name\": \"xor\"}}");
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(future)).getMessage())
                .contains("\"version\" must be 1");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"version\": 1,\n \"dataset\": ");
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(broken)).getMessage())
                .contains("not valid JSON (line 2");
        Path misspelt = dir.resolve("misspelt.json");
        Files.writeString(misspelt, "{\"version\": 1,\n  \"epochs\": tru}");
        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(misspelt)).getMessage())
                .as("the line and the column of the mistake")
                .startsWith("experiment " + misspelt + ": not valid JSON (line 2, column 13: Unrecognized token 'tru'");

        assertThat(assertThrows(ExperimentException.class, () -> ExperimentFile.read(dir.resolve("none.json")))
                .getMessage()).contains("no such file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"temperature\": 500       | \"temperature\" must be in [0.1, 100], got 500",
            "\"temperature\": 0.01      | \"temperature\" must be in [0.1, 100], got 0.01",
            "\"alpha\": 1.5             | \"alpha\" must be in [0, 1], got 1.5",
            "\"learningRate\": 0        | \"learningRate\" must be in (0, 10], got 0",
            "\"batchSize\": 0           | \"batchSize\" must be a whole number from 1 to 65536, got 0",
            "\"epochs\": 0              | \"epochs\" must be a whole number from 1 to 10000",
            "\"teacherEpochs\": 2.5     | \"teacherEpochs\" must be a whole number, got 2.5",
            "\"labelledFraction\": 0    | \"labelledFraction\" must be in (0, 1], got 0",
            "\"seed\": 1.5              | \"seed\" must be a whole number, got 1.5",
            "\"loss\": \"dkd2\"         | the loss must be one of hinton",
            "\"transferSet\": \"some\"  | \"transferSet\" must be labelled or all"})
    void aValueOutsideItsSettingsRangeIsRejectedByName(String setting, String message) {
        String json = "{\"version\": 1, \"dataset\": {\"name\": \"xor\"}, " + setting + "}";
        assertThat(assertThrows(IllegalArgumentException.class, () -> ExperimentFile.parse(json)).getMessage())
                .contains(message);
    }

    @Test
    void duplicateKeysAndTrailingTextAreNotJson() {
        String dup = "{\"version\": 1, \"dataset\": {\"name\": \"xor\"}, \"alpha\": 0.1, \"alpha\": 0.9}";
        assertThat(assertThrows(IllegalArgumentException.class, () -> ExperimentFile.parse(dup)).getMessage())
                .contains("not valid JSON").contains("alpha");
        String trailing = "{\"version\": 1, \"dataset\": {\"name\": \"xor\"}} {}";
        assertThat(assertThrows(IllegalArgumentException.class, () -> ExperimentFile.parse(trailing)).getMessage())
                .contains("not valid JSON");
    }

    @Test
    void omitThreePresetLeavesOutTheThreesWithEveryLabel() {
        Experiment e = ExperimentFile.read(Path.of("assets/experiments/digits-omit-3.json"));
        assertThat(e.dataset().name()).isEqualTo("digits-8x8");
        assertThat(e.settings().omittedClass()).isEqualTo(3);
        assertThat(e.settings().omitsAClass()).isTrue();
        assertThat(e.settings().labelledFraction()).isEqualTo(1.0);
        assertThat(e.settings().transferSet()).isEqualTo(TransferSet.LABELLED);
        assertThat(e.prepare().config().settings().omittedClass()).isEqualTo(3);
    }

    @Test
    void omittedClassIsNoneWhenAbsentOrNull() {
        String base = "{\"version\": 1, \"dataset\": {\"name\": \"blobs\", \"k\": 4}";
        assertThat(ExperimentFile.parse(base + "}").settings().omittedClass())
                .isEqualTo(RunSettings.NO_OMITTED_CLASS);
        assertThat(ExperimentFile.parse(base + ", \"omittedClass\": null}").settings().omitsAClass()).isFalse();
        assertThat(ExperimentFile.parse(base + ", \"omittedClass\": 3}").settings().omittedClass()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "-1", "2.5", "\"2\"", "true", "10000000000"})
    void omittedClassOutsideTheDataSetsClassesIsRejectedByName(String value) {
        String json = "{\"version\": 1, \"dataset\": {\"name\": \"blobs\", \"k\": 4}, \"omittedClass\": "
                + value + "}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentFile.parse(json));
        assertThat(e.getMessage()).isEqualTo("\"omittedClass\" must be a class of blobs, 0 to 3 (or null for none),"
                + " got " + value);
    }

    @Test
    void toJsonReadsBackEqualForEveryShippedExperimentAndOverrides() {
        for (String name : SHIPPED) {
            Experiment e = ExperimentFile.read(Path.of("assets/experiments", name));
            assertThat(ExperimentFile.parse(ExperimentFile.toJson(e))).as(name).isEqualTo(e);
            Experiment changed = e.withSettings(e.settings().withOmittedClass(1).withTemperature(2.5f)
                            .withLearningRate(0.003f).withLabelledFraction(0.07))
                    .withNetworks(null, e.student()).withDataset(e.dataset().withFolder(dir));
            assertThat(ExperimentFile.parse(ExperimentFile.toJson(changed))).as(name).isEqualTo(changed);
        }
        Experiment none = ExperimentFile.read(Path.of("assets/experiments/digits.json"));
        assertThat(ExperimentFile.toJson(none)).doesNotContain("omittedClass").contains("\"learningRate\" : 0.005")
                .contains("\"loss\" : \"hinton\"");
        assertThat(ExperimentFile.toJson(none.withSettings(none.settings().withOmittedClass(3))))
                .contains("\"omittedClass\" : 3");
    }

    @Test
    void prepareRejectsAnOmittedClassTheDataDoesNotHave() {
        Experiment read = ExperimentFile.read(Path.of("assets/experiments/two-moons.json"));
        Experiment e = read.withSettings(read.settings().withOmittedClass(2));
        assertThat(assertThrows(IllegalArgumentException.class, e::prepare).getMessage())
                .contains("omitted class").contains("0 to 1");
    }

    /** A folder the app searches by itself is not written, so the file finds the data on another machine too. */
    @Test
    void searchedFoldersAreLeftOutAndAChosenFolderIsKept() {
        Experiment searched = ExperimentFile.parse("""
                {"version": 1, "dataset": {"name": "mnist", "folder": "%s"}}
                """.formatted(DatasetCatalog.MNIST.downloadFolder().toString().replace("\\", "/")));
        Experiment chosen = ExperimentFile.parse("""
                {"version": 1, "dataset": {"name": "mnist", "folder": "/data/my-mnist"}}
                """);

        assertThat(ExperimentFile.toJson(searched)).doesNotContain("\"folder\"");
        assertThat(ExperimentFile.toJson(chosen)).contains("\"folder\" : \"/data/my-mnist\"");
        assertThat(ExperimentFile.parse(ExperimentFile.toJson(searched)).dataset().folder())
                .isEqualTo(DatasetCatalog.MNIST.defaultFolder());
    }
}
