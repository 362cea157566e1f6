package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.kdplayground.engine.TeacherCache;

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
        assertThat(first.out()).contains("teacher", "distilled", "baseline", "2-16-16-2 relu", "device cpu()")
                .containsPattern("students \\d+ ms/epoch \\([0-9.]+ ms/step\\), "
                        + "[0-9.]+ ms/step with the phase's measures");
        assertThat(first.err()).contains("100%").doesNotContain("Exception");
        cli("train", "--config", config.toString(), "--out", csv2.toString(), "--alpha", "0.3", "--no-progress");
        List<String> rows = Files.readAllLines(csv1);
        assertThat(rows.get(0)).startsWith("kind,phase,epoch,step");
        assertThat(rows).anyMatch(r -> r.startsWith("epoch,students,2"));
        assertThat(Files.readAllLines(csv2)).isEqualTo(rows);
    }

    /** One run per process: {@code train} neither fingerprints the data for the teacher cache nor fills it. */
    @Test
    void trainKeepsNoTeacherForReuse() throws Exception {
        TeacherCache.shared().clear();
        Outcome o = cli("train", "--config", experiment(TINY).toString(), "--no-progress");
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(TeacherCache.shared().size()).isZero();
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
    }

    /** Options are checked against the same ranges as the files, the screens and the engine, and named. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "--alpha | 2      | --alpha must be in [0, 1], got 2",
            "-T      | 500    | -T must be in [0.1, 100], got 500",
            "-T      | 1e-45  | -T must be in [0.1, 100], got 1.0E-45",
            "--lr    | 1e6    | --lr must be in (0, 10], got 1000000",
            "--epochs | 0     | --epochs must be a whole number from 1 to 10000, got 0",
            "--batch-size | 0 | --batch-size must be a whole number from 1 to 65536, got 0",
            "--labelled-fraction | 1.5 | --labelled-fraction must be in (0, 1], got 1.5",
            "--loss  | dkd2   | --loss must be one of hinton, dkd, lskd, got 'dkd2'",
            "--dkd-beta | -1  | --dkd-beta must be in [0, 100], got -1",
            "--ce-weight | 11 | --ce-weight must be in [0, 10], got 11",
            "--dkd-warmup | -1 | --dkd-warmup must be a whole number from 0 to 10000, got -1",
            "--teacher-label-smoothing | 0.5 | --teacher-label-smoothing must be in [0, 0.5), got 0.5"})
    void anOptionOutsideItsRangeIsAUsageErrorNamingIt(String option, String value, String message)
            throws Exception {
        CliRun.of("train", "--config", experiment(TINY).toString(), option, value).failsWith(ExitCodes.USAGE,
                message);
    }

    @Test
    void divergenceExitsWithDivergedAndNamesTheLearningRate() throws Exception {
        Outcome o = cli("train", "--config", experiment(TINY).toString(), "--lr", "10", "--no-progress");
        assertThat(o.code()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(o.err()).contains("learning rate");
    }

    /** Issue 19, items 4, 6 and 9: a size beyond memory, an output that is the input, a run without test rows. */
    @Test
    void hugeSizesOutputsOverInputsAndMissingTestRowsAreClear() throws Exception {
        CliRun.of("train", "--config", experiment(TINY.replace("\"size\": 200", "\"size\": 2147483647")).toString(),
                "--no-progress").failsWith(ExitCodes.BAD_INPUT,
                "dataset two-moons: 2,147,483,647 examples need about 163.2 GB of memory, more than the");
        Path config = experiment(TINY);
        String before = Files.readString(config);
        CliRun.of("train", "--config", config.toString(), "--out", config.toString(), "--no-progress")
                .failsWith(ExitCodes.USAGE, "--out " + config + " is the --config file");
        CliRun.of("train", "--config", config.toString(), "--out", dir.resolve(".").resolve("experiment.json")
                .toString(), "--no-progress").failsWith(ExitCodes.USAGE, "is the --config file");
        assertThat(Files.readString(config)).as("the experiment is left as it was").isEqualTo(before);
        CliRun.of("sweep", "--config", config.toString(), "--temperatures", "2", "--out", config.toString())
                .failsWith(ExitCodes.USAGE, "is the --config file");

        Path csv = dir.resolve("no-test.csv");
        Outcome noTest = cli("train", "--config", experiment(TINY.replace("\"version\": 1,",
                "\"version\": 1, \"testFraction\": 0,")).toString(), "--no-progress", "--out", csv.toString());
        assertThat(noTest.code()).as(noTest.err()).isEqualTo(ExitCodes.OK);
        assertThat(noTest.out()).containsPattern("\\nteacher .*%\\s+-\\s+-\\s+-\\s+-\\n")
                .doesNotContain("0.0%");
        java.util.List<String> rows = Files.readAllLines(csv);
        int column = java.util.Arrays.asList(rows.get(0).split(",", -1)).indexOf("teacher_test_acc");
        assertThat(rows.subList(1, rows.size())).as("no test accuracy in the CSV either (was 0.0)").isNotEmpty()
                .allMatch(row -> row.split(",", -1)[column].isEmpty());
    }

    /** A full disk: the table still prints, then one line says the CSV could not be written (issue 19). */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aFullDiskUnderTheCsvIsOneLineAfterTheTable() throws Exception {
        Outcome full = cli("train", "--config", experiment(TINY).toString(), "--out", "/dev/full", "--no-progress");
        assertThat(full.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(full.out()).contains("model ", "; completed");
        assertThat(full.err().strip()).isEqualTo("kd-playground: cannot write /dev/full (No space left on device)");
        CliRun.of("sweep", "--config", experiment(TINY).toString(), "--temperatures", "2", "--seeds", "1",
                "--out", "/dev/full", "--no-progress")
                .failsWith(ExitCodes.FAILURE, "cannot write /dev/full (No space left on device)");
    }

    @Test
    void shippedExperimentsParse() throws Exception {
        for (String name : List.of("two-moons.json", "digits.json")) {
            Path file = Path.of("assets/experiments", name);
            assertThat(org.kdplayground.io.ExperimentFile.read(file).settings().teacherEpochs()).isPositive();
        }
    }

    private static final String TINY_BLOBS = """
            {"version": 1, "dataset": {"name": "blobs", "size": 240, "noise": 0.6, "seed": 3, "k": 3},
             "teacher": {"hidden": [16, 16]}, "student": {"hidden": [4]},
             "epochs": 2, "batchSize": 32, "learningRate": 0.02, "seed": 5}
            """;

    @Test
    void everyCsvRowHasTheHeadersColumns() throws Exception {
        Path csv = dir.resolve("plain.csv");
        cli("train", "--config", experiment(TINY).toString(), "--out", csv.toString(), "--no-progress");
        List<String> rows = Files.readAllLines(csv);
        int columns = rows.get(0).split(",", -1).length;
        assertThat(rows).allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(columns));
        assertThat(rows.get(0)).doesNotContain("bias_shift");
        String epoch = rows.stream().filter(r -> r.startsWith("epoch,students,2,")).findFirst().orElseThrow();
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(epoch.split(",", -1)[header.indexOf("baseline_test_acc")]).isNotEmpty();
        assertThat(epoch.split(",", -1)[header.indexOf("labelled_rows")]).isEmpty();
    }

    /** Calibration of every model and each student's fidelity to the teacher, per epoch and in the summary. */
    @Test
    void trainReportsEceAndAgreementPerStudent() throws Exception {
        Path csv = dir.resolve("quality.csv");
        Outcome o = cli("train", "--config", experiment(TINY).toString(), "--out", csv.toString(), "--no-progress");
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).containsPattern("model +network +parameters +train acc +test acc +ECE +agreement +KL\\(t\\|\\|s\\)")
                .containsPattern("\\nteacher .* \\d\\.\\d{4} +- +-\\n")
                .containsPattern("\\ndistilled .* \\d\\.\\d{4} +\\d+\\.\\d% +\\d\\.\\d{4}\\n")
                .containsPattern("\\nbaseline .* \\d\\.\\d{4} +\\d+\\.\\d% +\\d\\.\\d{4}\\n");
        List<String> rows = Files.readAllLines(csv);
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(header).containsSubsequence("baseline_test_acc", "teacher_test_ece", "distilled_test_ece",
                "baseline_test_ece", "distilled_agreement", "baseline_agreement", "distilled_test_kl",
                "baseline_test_kl");
        String[] teacherEpoch = rows.stream().filter(r -> r.startsWith("epoch,teacher,1,")).findFirst().orElseThrow()
                .split(",", -1);
        assertThat(Double.parseDouble(teacherEpoch[header.indexOf("teacher_test_ece")])).isBetween(0.0, 1.0);
        assertThat(teacherEpoch[header.indexOf("distilled_agreement")]).as("no student yet").isEmpty();
        List<String[]> studentEpochs = rows.stream().filter(r -> r.startsWith("epoch,students,"))
                .map(r -> r.split(",", -1)).toList();
        assertThat(studentEpochs).isNotEmpty().allSatisfy(cells -> {
            for (String column : List.of("distilled_agreement", "baseline_agreement", "distilled_test_ece",
                    "baseline_test_ece", "teacher_test_ece")) {
                assertThat(Double.parseDouble(cells[header.indexOf(column)])).as(column).isBetween(0.0, 1.0);
            }
            assertThat(Double.parseDouble(cells[header.indexOf("distilled_test_kl")])).isNotNegative();
        });
        String[] step = rows.stream().filter(r -> r.startsWith("step,students,")).findFirst().orElseThrow()
                .split(",", -1);
        assertThat(step[header.indexOf("distilled_agreement")]).isEmpty();
    }

    @Test
    void omitClassPrintsTheBiasTableAndWritesItsRows() throws Exception {
        Path csv = dir.resolve("omit.csv");
        Outcome o = cli("train", "--config", experiment(TINY_BLOBS).toString(), "--omit-class", "2", "--out",
                csv.toString(), "--no-progress");
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("omitted class 2 (\"class 2\"): the students never saw its 56 training rows")
                .containsPattern("model +bias b +errors +on class +errors after b +on class after b +test acc after b")
                .containsPattern("\\ndistilled +\\d+\\.\\d{3} +\\d+ +\\d+ +\\d+ +\\d+ +\\d+\\.\\d%")
                .containsPattern("\\nbaseline +\\d+\\.\\d{3} +\\d+ +\\d+ +\\d+ +\\d+ +\\d+\\.\\d%");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).endsWith(",model,omitted_class,bias_shift,test_rows,class_test_rows,"
                + "test_errors_before,class_errors_before,test_errors_after,class_errors_after");
        int columns = rows.get(0).split(",", -1).length;
        assertThat(rows).allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(columns));
        List<String> bias = rows.stream().filter(r -> r.startsWith("bias,")).toList();
        assertThat(bias).hasSize(2);
        List<String> header = List.of(rows.get(0).split(","));
        for (int i = 0; i < 2; i++) {
            String[] cells = bias.get(i).split(",", -1);
            assertThat(cells[header.indexOf("model")]).isEqualTo(i == 0 ? "distilled" : "baseline");
            assertThat(cells[header.indexOf("omitted_class")]).isEqualTo("2");
            assertThat(cells[header.indexOf("test_rows")]).isEqualTo("72");
            assertThat(cells[header.indexOf("class_test_rows")]).isEqualTo("24");
            assertThat(Double.parseDouble(cells[header.indexOf("bias_shift")])).isGreaterThanOrEqualTo(0);
            assertThat(Integer.parseInt(cells[header.indexOf("class_errors_after")]))
                    .isLessThanOrEqualTo(Integer.parseInt(cells[header.indexOf("test_errors_after")]));
        }

        Outcome none = cli("train", "--config", experiment(TINY_BLOBS).toString(), "--omit-class", "none",
                "--no-progress");
        assertThat(none.code()).isEqualTo(ExitCodes.OK);
        assertThat(none.out()).doesNotContain("omitted class");
    }

    @Test
    void badOmitClassValuesAreOneLineUsageErrors() throws Exception {
        String config = experiment(TINY_BLOBS).toString();
        CliRun.of("train", "--config", config, "--omit-class", "3", "--no-progress")
                .failsWith(ExitCodes.USAGE, "--omit-class 3 is not a class of blobs: give 0 to 2, or none");
        CliRun.of("train", "--config", config, "--omit-class", "three", "--no-progress")
                .failsWith(ExitCodes.USAGE, "'three' is not a class in --omit-class");
        CliRun.of("train", "--config", config, "--omit-class", "-1", "--no-progress")
                .failsWith(ExitCodes.USAGE, "--omit-class -1 is not a class of blobs");
        CliRun.of("train", "--config", experiment(TINY_BLOBS.replace("\"seed\": 5", "\"seed\": 5, \"omittedClass\": 9"))
                .toString(), "--no-progress").failsWith(ExitCodes.BAD_INPUT, "\"omittedClass\" must be a class of blobs");
    }

    /** DKD's CSV adds its parts' columns; the Hinton loss's CSV stays as it was (ShippedExperimentsCsvTest). */
    @Test
    void theOtherLossesTrainAndWriteTheirParts() throws Exception {
        Path dkd = dir.resolve("dkd.csv");
        Outcome run = cli("train", "--config", experiment(TINY).toString(), "--loss", "dkd", "--dkd-beta", "2",
                "--no-progress", "--out", dkd.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> rows = Files.readAllLines(dkd);
        assertThat(rows.get(0)).endsWith("baseline_test_kl,distilled_tckd,distilled_nckd");
        List<String> header = List.of(rows.get(0).split(","));
        String studentStep = rows.stream().filter(r -> r.startsWith("step,students")).findFirst().orElseThrow();
        String[] cells = studentStep.split(",", -1);
        assertThat(cells).hasSize(header.size());
        assertThat(cells[header.indexOf("distilled_soft")]).as("no soft column for DKD").isEmpty();
        assertThat(Double.parseDouble(cells[header.indexOf("distilled_tckd")])).as("TCKD").isNotNegative();
        assertThat(Double.parseDouble(cells[header.indexOf("distilled_nckd")])).as("NCKD").isNotNegative();
        assertThat(rows).allSatisfy(r -> assertThat(r.split(",", -1)).hasSize(header.size()));
        assertThat(run.out()).contains("loss=dkd T=4.0 ce_weight=1.0 dkd_alpha=1.0 dkd_beta=2.0");

        Path lskd = dir.resolve("lskd.csv");
        Outcome standardized = cli("train", "--config", experiment(TINY).toString(), "--loss", "lskd", "--no-progress",
                "--out", lskd.toString());
        assertThat(standardized.code()).as(standardized.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(lskd).get(0)).endsWith("baseline_test_kl");
    }

    @Test
    void labelSmoothingChangesOnlyTheTeachersTraining() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path smoothed = dir.resolve("smoothed.csv");
        cli("train", "--config", experiment(TINY).toString(), "--no-progress", "--out", plain.toString());
        Outcome run = cli("train", "--config", experiment(TINY).toString(), "--no-progress",
                "--teacher-label-smoothing", "0.2", "--out", smoothed.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        String plainTeacher = Files.readAllLines(plain).get(1);
        String smoothedTeacher = Files.readAllLines(smoothed).get(1);
        assertThat(plainTeacher).startsWith("step,teacher,1,1,1,");
        // the first step's loss: a smoothed target makes the cross-entropy of the same logits larger
        double ce = Double.parseDouble(plainTeacher.split(",")[5]);
        double smoothedCe = Double.parseDouble(smoothedTeacher.split(",")[5]);
        assertThat(smoothedCe).isNotEqualTo(ce);
    }
}
