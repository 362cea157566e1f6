package org.kdplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.io.WorkspaceException.Kind;

public class WorkspaceFileTest {

    @TempDir
    Path dir;

    /** A random workspace within the screens' limits, from a seeded generator. */
    public static Workspace randomWorkspace(Random random) {
        int classes = random.nextInt(10) == 0 ? 2 + random.nextInt(999) : 2 + random.nextInt(19);
        List<String> names = new ArrayList<>();
        List<Double> teacher = new ArrayList<>();
        List<Double> student = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(random.nextBoolean() ? Integer.toString(i) : "class " + i + " «猫»");
            teacher.add((random.nextDouble() - 0.5) * 40);
            student.add((random.nextDouble() - 0.5) * 40);
        }
        List<Double> grid = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            grid.add(0.1 + random.nextDouble() * 99.9);
        }
        Workspace.Explorer explorer = new Workspace.Explorer(names, teacher, student, random.nextInt(classes),
                0.1 + random.nextDouble() * 99.9, random.nextDouble(), random.nextBoolean(), grid);
        List<String> presets = List.of("TWO_MOONS", "SPIRALS", "CIRCLES", "XOR", "BLOBS", "DIGITS",
                "DIGITS_FEW_LABELS", "DIGITS_TINY_STUDENT", "DIGITS_OMIT_3", "FASHION_MNIST");
        DatasetCatalog[] catalog = DatasetCatalog.values();
        DatasetCatalog data = catalog[random.nextInt(catalog.length)];
        int typedClasses = 2 + random.nextInt(9);
        int dataClasses = data.hasVariableK() ? typedClasses : data.defaultK();
        Workspace.Training training = new Workspace.Training(presets.get(random.nextInt(presets.size())),
                data, random.nextInt(5000),
                random.nextInt(4) == 0 ? 0 : random.nextDouble() * 5, typedClasses,
                random.nextBoolean() ? null : Path.of("idx-data", "set " + random.nextInt(100)),
                layers(random), layers(random), 0.01 + random.nextDouble() * 999, random.nextDouble(),
                1e-4 + random.nextDouble(), 1 + random.nextInt(1000), 1 + random.nextInt(1000),
                1 + random.nextInt(4096), 0.001 + random.nextDouble() * 0.999,
                random.nextBoolean() ? TransferSet.ALL : TransferSet.LABELLED, random.nextLong(),
                random.nextBoolean(), random.nextBoolean() ? RunConfig.NO_OMITTED_CLASS : random.nextInt(dataClasses));
        List<Float> temperatures = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            float t = random.nextBoolean() ? 1 + random.nextInt(64) : 0.05f + random.nextFloat() * 999;
            if (!temperatures.contains(t)) {
                temperatures.add(t);
            }
        }
        return new Workspace(explorer, training, new Workspace.Sweep(temperatures, 1 + random.nextInt(20)));
    }

    private static List<Integer> layers(Random random) {
        List<Integer> layers = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            layers.add(1 + random.nextInt(512));
        }
        return layers;
    }

    @Test
    void writeThenReadGivesBackTheSameWorkspaceOverRandomStates() throws Exception {
        Random random = new Random(20150309);
        Path file = dir.resolve("state.kdp.json");
        for (int i = 0; i < 200; i++) {
            Workspace workspace = randomWorkspace(random);
            WorkspaceFile.write(file, workspace);
            assertThat(WorkspaceFile.read(file)).as("iteration %d", i).isEqualTo(workspace);
        }
    }

    @Test
    void writeIsAtomicAndLeavesNoTempFile() throws Exception {
        Path file = dir.resolve("lesson.kdp.json");
        Files.writeString(file, "old");
        WorkspaceFile.write(file, randomWorkspace(new Random(1)));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("lesson.kdp.json");
        }
        assertThat(Files.readString(file)).contains("\"format\" : \"kd-playground\"").contains("\"version\" : 1");
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTempFile() throws Exception {
        Path file = dir.resolve("taken");
        Files.createDirectories(file.resolve("child"));
        assertThrows(IOException.class, () -> WorkspaceFile.write(file, randomWorkspace(new Random(2))));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("taken");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not json at all                                                        | NOT_JSON
            '{"format": "kd-playground", "version": 1, "explorer": {'              | NOT_JSON
            '[1, 2, 3]'                                                            | NOT_A_WORKSPACE
            '{"format": "something-else", "version": 1}'                           | NOT_A_WORKSPACE
            '{"format": "kd-playground", "version": 2}'                            | NEWER_VERSION
            '{"format": "kd-playground", "version": "1"}'                          | INVALID
            '{"format": "kd-playground", "version": 1}'                            | INVALID
            """)
    void damagedTextIsRejectedWithItsKind(String text, Kind kind) {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(text));
        assertThat(e.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "trueClass" : 0,                | "trueClass" : "0",
            "alpha" : 0.0,                  | "alpha" : "x",
            "softScaledByTSquared" : true   | "softScaledByTSquared" : 1
            "seeds" : 3                     | "seeds" : 3.5
            "transferSet" : "labelled"      | "transferSet" : "some"
            "name" : "two-moons"            | "name" : "no-such-set"
            "hidden" : [ 8 ]                | "hidden" : [ "8" ]
            "format" : "kd-playground",     | "format" : "kd-playground", "extra": 1,
            "seed" : 5,                     | "seed" : 5.5,
            "teacherSeesAllLabels" : false  | "teacherSeesAllLabels" : null
            """)
    void wrongTypesMissingOrUnknownKeysAreInvalid(String good, String bad) throws Exception {
        String text = WorkspaceFile.toJson(sample());
        assertThat(text).contains(good);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> WorkspaceFile.parse(text.replace(good, bad)));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void everyMissingKeyIsInvalid() throws Exception {
        String text = WorkspaceFile.toJson(sample());
        for (String key : List.of("explorer", "training", "sweep", "classNames", "gridTemperatures", "dataset",
                "learningRate", "folder", "temperatures")) {
            String without = text.replaceFirst("\"" + key + "\" :", "\"renamed_" + key + "\" :");
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(without));
            assertThat(e.kind()).as(key).isEqualTo(Kind.INVALID);
        }
    }

    @Test
    void theOmittedClassIsOptionalWrittenOnlyWhenSetAndAWholeNumber() throws Exception {
        String none = WorkspaceFile.toJson(sample());
        assertThat(none).doesNotContain("omittedClass");
        assertThat(WorkspaceFile.parse(none).training().omittedClass()).isEqualTo(RunConfig.NO_OMITTED_CLASS);
        Workspace omitting = new Workspace(sample().explorer(), withOmitted(sample().training(), 1),
                sample().sweep());
        String text = WorkspaceFile.toJson(omitting);
        assertThat(text).contains("\"omittedClass\" : 1");
        assertThat(WorkspaceFile.parse(text)).isEqualTo(omitting);
        for (String bad : List.of("-1", "1.5", "\"1\"", "null", "true")) {
            WorkspaceException e = assertThrows(WorkspaceException.class,
                    () -> WorkspaceFile.parse(text.replace("\"omittedClass\" : 1", "\"omittedClass\" : " + bad)));
            assertThat(e.kind()).as(bad).isEqualTo(Kind.INVALID);
            assertThat(e.detail()).as(bad).contains("omittedClass");
        }
    }

    private static Workspace.Training withOmitted(Workspace.Training t, int omitted) {
        return new Workspace.Training(t.preset(), t.dataset(), t.size(), t.noise(), t.classes(), t.folder(),
                t.teacherLayers(), t.studentLayers(), t.temperature(), t.alpha(), t.learningRate(),
                t.teacherEpochs(), t.studentEpochs(), t.batchSize(), t.labelledFraction(), t.transferSet(), t.seed(),
                t.teacherSeesAllLabels(), omitted);
    }

    @Test
    void truncatedFilesAreRejectedAtEveryLength() throws Exception {
        String text = WorkspaceFile.toJson(sample());
        for (int length = 0; length < text.strip().length(); length += 7) {
            String cut = text.substring(0, length);
            assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(cut), "cut at " + length);
        }
    }

    @Test
    void readingAMissingFileIsUnreadable() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> WorkspaceFile.read(dir.resolve("gone.kdp.json")));
        assertThat(e.kind()).isEqualTo(Kind.UNREADABLE);
    }

    private static Workspace sample() {
        return new Workspace(
                new Workspace.Explorer(List.of("cat", "dog"), List.of(2.0, -1.0), List.of(0.5, 0.25), 0, 4, 0.,
                        true, List.of(1.0, 2.0)),
                new Workspace.Training("TWO_MOONS", DatasetCatalog.TWO_MOONS, 1000, 0.2, 2, null, List.of(64, 64),
                        List.of(8), 4, 0.5, 0.01, 30, 30, 64, 1, TransferSet.LABELLED, 5, false,
                        RunConfig.NO_OMITTED_CLASS),
                new Workspace.Sweep(List.of(1f, 2f, 4f), 3));
    }
}
