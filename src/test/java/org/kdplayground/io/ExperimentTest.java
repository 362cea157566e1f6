package org.kdplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.TransferSet;

class ExperimentTest {

    static final List<String> SHIPPED = List.of("two-moons.json", "digits.json", "digits-few-labels.json",
            "digits-tiny-student.json", "digits-omit-3.json");

    @TempDir
    Path dir;

    @Test
    void everyShippedExperimentIsOnTheClassPathAndParses() throws IOException {
        for (String name : SHIPPED) {
            try (InputStream in = Experiment.class.getResourceAsStream("/org/kdplayground/experiments/" + name)) {
                assertThat(in).as(name).isNotNull();
                Experiment e = Experiment.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(e.teacherEpochs()).as(name).isPositive();
            }
        }
    }

    @Test
    void fewLabelsPresetReadsAsWritten() {
        Experiment e = Experiment.read(Path.of("assets/experiments/digits-few-labels.json"));
        assertThat(e.dataset().name()).isEqualTo("digits-8x8");
        assertThat(e.teacher()).isEqualTo(MlpSpec.of(256, 256));
        assertThat(e.student()).isEqualTo(MlpSpec.of(16));
        assertThat(e.labelledFraction()).isEqualTo(0.05);
        assertThat(e.transferSet()).isEqualTo(TransferSet.ALL);
        assertThat(e.teacherSeesAllLabels()).isTrue();
    }

    @Test
    void prepareLoadsNormalisesAndConfigures() {
        Experiment e = Experiment.read(Path.of("assets/experiments/two-moons.json")).toBuilder()
                .temperature(2).alpha(0.25f).seed(7).build();
        PreparedRun run = e.prepare();
        RunConfig c = run.config();
        assertThat(c.temperature()).isEqualTo(2f);
        assertThat(c.alpha()).isEqualTo(0.25f);
        assertThat(c.seed()).isEqualTo(7);
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
        assertThat(assertThrows(ExperimentException.class, () -> Experiment.read(typo)).getMessage())
                .contains("typo.json").contains("unknown setting \"temprature\"");

        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"version\": 2, \"dataset\": {\"name\": \"xor\"}}");
        assertThat(assertThrows(ExperimentException.class, () -> Experiment.read(future)).getMessage())
                .contains("\"version\" must be 1");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"version\": 1,\n \"dataset\": ");
        assertThat(assertThrows(ExperimentException.class, () -> Experiment.read(broken)).getMessage())
                .contains("not valid JSON (line 2");

        assertThat(assertThrows(ExperimentException.class, () -> Experiment.read(dir.resolve("none.json")))
                .getMessage()).contains("no such file");
    }

    @Test
    void omitThreePresetLeavesOutTheThreesWithEveryLabel() {
        Experiment e = Experiment.read(Path.of("assets/experiments/digits-omit-3.json"));
        assertThat(e.dataset().name()).isEqualTo("digits-8x8");
        assertThat(e.omittedClass()).isEqualTo(3);
        assertThat(e.omitsAClass()).isTrue();
        assertThat(e.labelledFraction()).isEqualTo(1.0);
        assertThat(e.transferSet()).isEqualTo(TransferSet.LABELLED);
        assertThat(e.prepare().config().omittedClass()).isEqualTo(3);
    }

    @Test
    void omittedClassIsNoneWhenAbsentOrNull() {
        String base = "{\"version\": 1, \"dataset\": {\"name\": \"blobs\", \"k\": 4}";
        assertThat(Experiment.parse(base + "}").omittedClass()).isEqualTo(RunConfig.NO_OMITTED_CLASS);
        assertThat(Experiment.parse(base + ", \"omittedClass\": null}").omitsAClass()).isFalse();
        assertThat(Experiment.parse(base + ", \"omittedClass\": 3}").omittedClass()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "-1", "2.5", "\"2\"", "true", "10000000000"})
    void omittedClassOutsideTheDataSetsClassesIsRejectedByName(String value) {
        String json = "{\"version\": 1, \"dataset\": {\"name\": \"blobs\", \"k\": 4}, \"omittedClass\": "
                + value + "}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Experiment.parse(json));
        assertThat(e.getMessage()).isEqualTo("\"omittedClass\" must be a class of blobs, 0 to 3 (or null for none),"
                + " got " + value);
    }

    @Test
    void toJsonReadsBackEqualForEveryShippedExperimentAndOverrides() throws IOException {
        for (String name : SHIPPED) {
            Experiment e = Experiment.read(Path.of("assets/experiments", name));
            assertThat(Experiment.parse(e.toJson())).as(name).isEqualTo(e);
            Experiment changed = e.toBuilder().omittedClass(1).temperature(2.5f).learningRate(0.003f)
                    .labelledFraction(0.07).teacher(null).dataset(e.dataset().withFolder(dir)).build();
            assertThat(Experiment.parse(changed.toJson())).as(name).isEqualTo(changed);
        }
        Experiment none = Experiment.read(Path.of("assets/experiments/digits.json"));
        assertThat(none.toJson()).doesNotContain("omittedClass");
        assertThat(none.toBuilder().omittedClass(3).build().toJson()).contains("\"omittedClass\" : 3");
    }

    @Test
    void prepareRejectsAnOmittedClassTheDataDoesNotHave() {
        Experiment e = Experiment.read(Path.of("assets/experiments/two-moons.json")).toBuilder().omittedClass(2)
                .build();
        assertThat(assertThrows(IllegalArgumentException.class, e::prepare).getMessage())
                .contains("omitted class").contains("0 to 1");
    }
}
