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

import org.kdplayground.data.CsvTable;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.data.Normalization;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.io.WorkspaceException.Kind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class WorkspaceFileTest {

    @TempDir
    Path dir;

    /** A random workspace within the screens' limits, from a seeded generator. */
    public static Workspace randomWorkspace(Random random) {
        return randomWorkspace(random, false);
    }

    /**
     * A random workspace; {@code asTheScreenHoldsIt}: one the training screen can show and save unchanged (the data
     * seed is the run seed, both networks given, a folder only for IDX data).
     */
    public static Workspace randomWorkspace(Random random, boolean asTheScreenHoldsIt) {
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
        Workspace.Training training = new Workspace.Training(presets.get(random.nextInt(presets.size())),
                asTheScreenHoldsIt ? asTheScreenHoldsIt(randomExperiment(random)) : randomExperiment(random));
        List<Float> temperatures = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            float t = random.nextBoolean() ? 1 + random.nextInt(64) : Math.min(100f, 0.1f + random.nextFloat() * 99.9f);
            if (!temperatures.contains(t)) {
                temperatures.add(t);
            }
        }
        return new Workspace(explorer, training, new Workspace.Sweep(temperatures, 1 + random.nextInt(20)));
    }

    /** A random experiment within every setting's range. */
    static Experiment randomExperiment(Random random) {
        DatasetCatalog[] catalog = DatasetCatalog.values();
        DatasetCatalog data = catalog[random.nextInt(catalog.length)];
        DatasetSpec spec = data.defaultSpec().withSize(random.nextInt(5000))
                .withNoise(random.nextInt(4) == 0 ? 0 : random.nextDouble() * 5).withK(2 + random.nextInt(9))
                .withSeed(random.nextLong());
        if (random.nextBoolean()) {
            spec = spec.withFolder(Path.of("idx-data", "set " + random.nextInt(100)));
        }
        if (data == DatasetCatalog.DRAWN) {
            DrawnPoints points = DrawnPoints.EMPTY;
            for (int i = 0, n = random.nextInt(50); i < n; i++) {
                points = points.plus(random.nextGaussian(), random.nextGaussian() * 1e3, random.nextInt(6));
            }
            spec = spec.withPoints(points);
        } else if (data == DatasetCatalog.CSV) {
            Path file = Path.of("tables", "t " + random.nextInt(100) + ".csv");
            spec = spec.withTable(random.nextBoolean() ? new CsvTable(file, "label «猫»", -1)
                    : new CsvTable(file, null, random.nextInt(3) - 1));
        }
        RunSettings settings = RunSettings.DEFAULTS
                .withTemperature(Math.min(100f, 0.1f + random.nextFloat() * 99.9f))
                .withAlpha(random.nextFloat())
                .withLearningRate(1e-4f + random.nextFloat())
                .withTeacherEpochs(1 + random.nextInt(1000))
                .withStudentEpochs(1 + random.nextInt(1000))
                .withBatchSize(1 + random.nextInt(4096))
                .withLabelledFraction(0.001 + random.nextDouble() * 0.999)
                .withTransferSet(random.nextBoolean() ? TransferSet.ALL : TransferSet.LABELLED)
                .withSeed(random.nextLong())
                .withTeacherSeesAllLabels(random.nextBoolean())
                .withOmittedClass(random.nextBoolean() ? RunSettings.NO_OMITTED_CLASS : random.nextInt(spec.k()));
        Normalization[] scalings = Normalization.values();
        return new Experiment(spec, random.nextInt(10) * 0.1, scalings[random.nextInt(scalings.length)],
                random.nextBoolean() ? null : net(random), net(random), settings);
    }

    private static Experiment asTheScreenHoldsIt(Experiment e) {
        DatasetSpec data = e.dataset().withSeed(e.settings().seed());
        if (data.catalogEntry().kind() != DatasetCatalog.Kind.IDX_FOLDER) {
            data = data.withFolder(null);
        }
        MlpSpec teacher = e.teacher() != null ? e.teacher() : MlpSpec.of(32);
        return e.withDataset(data).withNetworks(teacher, new MlpSpec(e.student().hidden(), teacher.activation(), 0f));
    }

    private static MlpSpec net(Random random) {
        return new MlpSpec(layers(random), random.nextBoolean() ? MlpSpec.Activation.RELU : MlpSpec.Activation.TANH,
                random.nextBoolean() ? 0f : random.nextInt(9) / 10f);
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
        assertThat(Files.readString(file)).contains("\"format\" : \"kd-playground\"").contains("\"version\" : 3");
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
            '{"format": "kd-playground", "version": 4}'                            | NEWER_VERSION
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
            "hidden" : [ 8 ],               | "hidden" : [ "8" ],
            "temperature" : 4.0,            | "temperature" : 400.0,
            "loss" : "hinton",              | "loss" : "hinten",
            "format" : "kd-playground",     | "format" : "kd-playground", "extra": 1,
            "seed" : 5,                     | "seed" : 5.5,
            "teacherSeesAllLabels" : false  | "teacherSeesAllLabels" : 1
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
        for (String key : List.of("explorer", "training", "sweep", "classNames", "gridTemperatures", "preset",
                "experiment", "dataset", "version", "vary", "values")) {
            String without = text.replaceFirst("\"" + key + "\" :", "\"renamed_" + key + "\" :");
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(without));
            assertThat(e.kind()).as(key).isEqualTo(Kind.INVALID);
        }
    }

    @Test
    void theOmittedClassIsOptionalWrittenOnlyWhenSetAndAClassOfTheData() throws Exception {
        String none = WorkspaceFile.toJson(sample());
        assertThat(none).doesNotContain("omittedClass");
        assertThat(WorkspaceFile.parse(none).training().experiment().settings().omittedClass())
                .isEqualTo(RunSettings.NO_OMITTED_CLASS);
        Experiment e = sample().training().experiment();
        Workspace omitting = new Workspace(sample().explorer(), new Workspace.Training("TWO_MOONS",
                e.withSettings(e.settings().withOmittedClass(1))), sample().sweep());
        String text = WorkspaceFile.toJson(omitting);
        assertThat(text).contains("\"omittedClass\" : 1");
        assertThat(WorkspaceFile.parse(text)).isEqualTo(omitting);
        for (String bad : List.of("-1", "1.5", "\"1\"", "2", "true")) {
            WorkspaceException ex = assertThrows(WorkspaceException.class,
                    () -> WorkspaceFile.parse(text.replace("\"omittedClass\" : 1", "\"omittedClass\" : " + bad)));
            assertThat(ex.kind()).as(bad).isEqualTo(Kind.INVALID);
            assertThat(ex.detail()).as(bad).contains("omittedClass");
        }
    }

    /** Files of the first format, written by the version before the experiment became the set-up's form. */
    @Test
    void versionOneFilesStillOpenWithEverySetting() throws Exception {
        Workspace digits = WorkspaceFile.read(resource("workspace-v1-digits-omit-3.kdp.json"));
        assertThat(digits.explorer()).isEqualTo(new Workspace.Explorer(List.of("cat", "dog", "fox", "猫"),
                List.of(2.0, 1.0, 0.5, -0.5), List.of(0.5, 1.5, 0.0, 0.2), 1, 2.5, 0.3, true, List.of(1.0, 4.0, 16.0)));
        assertThat(digits.sweep()).isEqualTo(new Workspace.Sweep(List.of(1f, 2f, 4f, 8f), 3));
        assertThat(digits.training().preset()).isEqualTo("DIGITS_OMIT_3");
        Experiment e = digits.training().experiment();
        assertThat(e.dataset()).isEqualTo(DatasetSpec.of("digits-8x8").withSize(1797).withSeed(7));
        assertThat(e.testFraction()).isEqualTo(0.3);
        assertThat(e.normalization()).isEqualTo(Normalization.STANDARDIZE);
        assertThat(e.teacher()).isEqualTo(MlpSpec.of(128, 128));
        assertThat(e.student()).isEqualTo(MlpSpec.of(16));
        assertThat(e.settings()).isEqualTo(new RunSettings(LossMethod.HINTON, 20f, 0.3f, 0.005f, 12, 40, 32, 0.25,
                TransferSet.ALL, 7, true, 1f, 1f, 8f, 0, 0f, 3));

        Experiment spirals = WorkspaceFile.read(resource("workspace-v1-spirals.kdp.json")).training().experiment();
        assertThat(spirals.dataset()).isEqualTo(DatasetSpec.of("spirals").withSize(600).withNoise(0.15).withK(3)
                .withSeed(1));
        assertThat(spirals.settings()).isEqualTo(RunSettings.DEFAULTS.withSeed(1));
        assertThat(spirals.teacher()).isEqualTo(MlpSpec.of(64, 64));
    }

    @Test
    void aVersionOneFileIsWrittenBackAsTheCurrentVersionWithTheSameWorkspace() throws Exception {
        Workspace old = WorkspaceFile.read(resource("workspace-v1-digits-omit-3.kdp.json"));
        Path file = dir.resolve("upgraded.kdp.json");
        WorkspaceFile.write(file, old);
        assertThat(Files.readString(file)).contains("\"version\" : 3").contains("\"experiment\" : {");
        assertThat(WorkspaceFile.read(file)).isEqualTo(old);
    }

    /** Issue 19, item 9: the workspace reader on hostile files; nothing is half-read. */
    @Test
    void hostileWorkspaceFilesAreRefusedWithTheirKind() throws Exception {
        String good = WorkspaceFile.toJson(sample());
        Path bom = dir.resolve("bom.kdp.json");
        Files.write(bom, ("\uFEFF" + good).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(WorkspaceFile.read(bom)).isEqualTo(sample());
        Path latin1 = dir.resolve("latin1.kdp.json");
        Files.write(latin1, good.replace("\"format\"", "\"f\u00f6rmat\"")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        WorkspaceException notUtf8 = assertThrows(WorkspaceException.class, () -> WorkspaceFile.read(latin1));
        assertThat(notUtf8.kind()).isEqualTo(Kind.NOT_JSON);
        assertThat(notUtf8.detail()).startsWith("not UTF-8 text: byte ");
        assertThat(assertThrows(WorkspaceException.class, () -> WorkspaceFile.read(dir)).kind())
                .isEqualTo(Kind.UNREADABLE);
        String deep = good.replaceFirst("\"sweep\" : \\{", "\"sweep\" : " + "[".repeat(5_000) + "]".repeat(5_000)
                + ", \"x\" : {");
        WorkspaceException tooDeep = assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(deep));
        assertThat(tooDeep.kind()).isEqualTo(Kind.NOT_JSON);
        assertThat(tooDeep.detail()).as("the limit in words, as for experiment files")
                .isEqualTo("refused: nested deeper than 64 levels");
        String longName = good.replaceFirst("\"classNames\" : \\[ \"", "\"classNames\" : [ \"" + "x".repeat(2_000_000));
        WorkspaceException tooLong = assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(longName));
        assertThat(tooLong.kind()).isEqualTo(Kind.NOT_JSON);
        assertThat(tooLong.detail()).isEqualTo("refused: holds a text longer than 1,000,000 characters");
    }

    /** A file written by version 2 (its sweep a list of temperatures) opens as a temperature sweep. */
    @Test
    void versionTwoFilesOpenWithTheirTemperatureSweep() throws Exception {
        Workspace two = WorkspaceFile.read(resource("workspace-v2-two-moons.kdp.json"));
        assertThat(two.sweep()).isEqualTo(new Workspace.Sweep(SweptSetting.TEMPERATURE, "1, 2.5, 8", 4));
        assertThat(two.training().experiment()).isEqualTo(ExperimentFile.read(Path.of("assets/experiments/two-moons.json")));
        Path file = dir.resolve("again.kdp.json");
        WorkspaceFile.write(file, two);
        assertThat(Files.readString(file)).contains("\"vary\" : \"T\"").contains("\"values\" : \"1, 2.5, 8\"")
                .doesNotContain("temperatures");
        assertThat(WorkspaceFile.read(file)).isEqualTo(two);
    }

    /** Any swept setting and its list go round a file; an unknown setting is a clear error. */
    @Test
    void aSweepOfAnySettingRoundTrips() throws Exception {
        Workspace teachers = new Workspace(sample().explorer(), sample().training(),
                new Workspace.Sweep(SweptSetting.TEACHER_HIDDEN, "8, 64-64", 2));
        String text = WorkspaceFile.toJson(teachers);
        assertThat(WorkspaceFile.parse(text)).isEqualTo(teachers);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> WorkspaceFile.parse(text.replace("\"teacher_hidden\"", "\"gamma\"")));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e.detail()).contains("a sweep can vary");
    }

    private static Path resource(String name) throws Exception {
        return Path.of(WorkspaceFileTest.class.getResource(name).toURI());
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
                new Workspace.Training("TWO_MOONS", new Experiment(DatasetSpec.of("two-moons").withSeed(5), 0.3,
                        Normalization.STANDARDIZE, MlpSpec.of(64, 64), MlpSpec.of(8),
                        RunSettings.DEFAULTS.withSeed(5))),
                new Workspace.Sweep(List.of(1f, 2f, 4f), 3));
    }
}
