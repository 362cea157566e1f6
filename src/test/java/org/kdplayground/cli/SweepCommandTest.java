package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @TempDir
    Path dir;

    private static final String TINY = """
            {"version": 1, "dataset": {"name": "two-moons", "size": 200, "noise": 0.2, "seed": 3},
             "teacher": {"hidden": [16, 16]}, "student": {"hidden": [4]},
             "epochs": 5, "batchSize": 32, "learningRate": 0.02, "alpha": 0.5, "seed": 5}
            """;

    private Path experiment(String json) throws Exception {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, json);
        return file;
    }

    private static double mean(double a, double b) {
        return (a + b) / 2;
    }

    /** Sample SD of two values. */
    private static double sd(double a, double b) {
        return Math.abs(a - b) / Math.sqrt(2);
    }

    @Test
    void writesOneCsvRowPerTemperatureAndSeedAndSummarisesThem() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        CliRun run = CliRun.of("sweep", "--config", experiment(TINY).toString(), "--temperatures", "1,4",
                "--seeds", "2", "--epochs", "2", "--out", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("T,alpha,seed,teacher_acc,distilled_acc,baseline_acc,gain,"
                + "distilled_agreement,baseline_agreement,teacher_ece,distilled_ece,baseline_ece");
        double[][] cells = new double[4][];
        for (int i = 0; i < 4; i++) {
            cells[i] = java.util.Arrays.stream(lines.get(i + 1).split(",")).mapToDouble(Double::parseDouble)
                    .toArray();
            assertThat(cells[i][6]).isCloseTo(cells[i][4] - cells[i][5], within(1e-12));
        }
        // seeds outside, T inside; seeds count on from the experiment's seed
        assertThat(lines.subList(1, 5)).extracting(l -> l.substring(0, l.indexOf(',', 6)))
                .containsExactly("1,0.5,5", "4,0.5,5", "1,0.5,6", "4,0.5,6");

        // the summary row for T=4 is the mean and sample SD of the two T=4 rows, in percent
        double a = cells[1][4];
        double b = cells[3][4];
        String expected = String.format(Locale.ROOT, "%.1f%% +- %.1f", mean(a, b) * 100, sd(a, b) * 100);
        String t4 = run.out().lines().filter(l -> l.startsWith("4 ")).findFirst().orElseThrow();
        assertThat(t4).contains(expected);
        assertThat(run.out()).contains("sample SD (n-1)", "Best: T=", "4 of 4 runs, 2 teacher(s) trained");
        // progress: one line per run, the teacher reused within a seed
        assertThat(run.err()).contains("[1/4] T=1 alpha=0.5 seed=5", "[4/4] T=4 alpha=0.5 seed=6", "reused")
                .doesNotContain("Exception");
    }

    @Test
    void jsonHoldsRowsAndSummaryAndCsvGoesToStdoutWithoutOut() throws Exception {
        Path config = experiment(TINY);
        CliRun json = CliRun.of("sweep", "--config", config.toString(), "--temperatures", "2,8", "--alphas",
                "0.2,0.9", "--seeds", "1", "--epochs", "1", "--json", "--no-progress");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.err()).isEmpty();
        JsonNode root = Json.MAPPER.readTree(json.out());
        assertThat(root.get("rows")).hasSize(4);
        assertThat(root.get("summary")).hasSize(4);
        assertThat(root.get("teachersTrained").asInt()).isEqualTo(1);
        JsonNode first = root.get("summary").get(0);
        assertThat(first.get("T").asDouble()).isEqualTo(2.0);
        assertThat(first.get("alpha").asDouble()).isEqualTo(0.2, within(1e-6));
        assertThat(first.get("distilled").get("mean").asDouble())
                .isEqualTo(root.get("rows").get(0).get("distilledAcc").asDouble());
        assertThat(first.get("distilled").get("sd").isNull()).isTrue(); // one seed: no spread

        CliRun csv = CliRun.of("sweep", "--config", config.toString(), "--temperatures", "3", "--seeds", "1",
                "--epochs", "1", "--no-progress");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("T,alpha,seed,teacher_acc,distilled_acc,baseline_acc,gain,")
                .contains("\n3,0.5,5,")
                .contains("1 of 1 runs");
    }

    @Test
    void badArgumentsAreOneLineWithoutAStackTrace() throws Exception {
        String config = experiment(TINY).toString();
        CliRun.of("sweep", "--config", config, "--temperatures", "1,abc")
                .failsWith(ExitCodes.USAGE, "'abc' is not a number in --temperatures");
        CliRun.of("sweep", "--config", config, "--temperatures", "1,0")
                .failsWith(ExitCodes.USAGE, "--temperatures must each be in [0.1, 100], got 0");
        CliRun.of("sweep", "--config", config, "--temperatures", "-2")
                .failsWith(ExitCodes.USAGE, "--temperatures must each be in [0.1, 100], got -2");
        CliRun.of("sweep", "--config", config, "--temperatures", "1,2,1")
                .failsWith(ExitCodes.USAGE, "appears twice");
        CliRun.of("sweep", "--config", config, "--temperatures", "1,", "--seeds", "2")
                .failsWith(ExitCodes.USAGE, "stray comma");
        CliRun.of("sweep", "--config", config, "--temperatures", "4", "--alphas", "0.5,1.5")
                .failsWith(ExitCodes.USAGE, "--alphas must each be in [0, 1], got 1.5");
        CliRun.of("sweep", "--config", config, "--temperatures", "4", "--seeds", "0")
                .failsWith(ExitCodes.USAGE, "--seeds must be at least 1");
        CliRun.of("sweep", "--config", config, "--temperatures", "4", "--epochs", "0")
                .failsWith(ExitCodes.USAGE, "--epochs must be a whole number from 1 to 10000, got 0");
        CliRun.of("sweep", "--config", dir.resolve("nope.json").toString(), "--temperatures", "4")
                .failsWith(ExitCodes.BAD_INPUT, "no such file");
        CliRun.of("sweep", "--config", experiment("{\"version\": 1,").toString(), "--temperatures", "4")
                .failsWith(ExitCodes.BAD_INPUT, "not valid JSON");
        CliRun.of("sweep", "--config", experiment(TINY.replace("\"learningRate\": 0.02", "\"learningRate\": -1"))
                .toString(), "--temperatures", "4").failsWith(ExitCodes.BAD_INPUT,
                        "\"learningRate\" must be in (0, 10], got -1");
    }

    /**
     * The capacity gap from the command line: the sweep's column follows the setting, a teacher per size. (Its own
     * data seed: the process's teacher cache must not hand these teachers to the other tests.)
     */
    @Test
    void anySettingCanBeSweptAndItsColumnLeadsTheCsv() throws Exception {
        Path csv = dir.resolve("teachers.csv");
        String own = TINY.replace("\"seed\": 3", "\"seed\": 4");
        CliRun run = CliRun.of("sweep", "--config", experiment(own).toString(), "--vary", "teacher_hidden",
                "--values", "4,16-16", "--seeds", "1", "--epochs", "2", "--out", csv.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("teacher_hidden,seed,teacher_acc,distilled_acc,baseline_acc,gain,"
                + "distilled_agreement,baseline_agreement,teacher_ece,distilled_ece,baseline_ece");
        assertThat(lines.get(1)).startsWith("4,5,");
        assertThat(lines.get(2)).startsWith("16-16,5,");
        for (String line : lines.subList(1, 3)) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(11);
            for (int i = 2; i < 11; i++) {
                assertThat(Double.parseDouble(cells[i])).as(lines.get(0).split(",")[i]).isBetween(-1.0, 1.0);
            }
        }
        assertThat(run.out()).contains("teacher_hidden", "agreement", "distilled ECE", "2 teacher(s) trained",
                "Best: teacher_hidden=");

        CliRun json = CliRun.of("sweep", "--config", experiment(own).toString(), "--vary", "loss", "--values",
                "hinton,dkd", "--seeds", "1", "--epochs", "1", "--json", "--no-progress");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode root = Json.MAPPER.readTree(json.out());
        assertThat(root.get("rows").get(1).get("loss").asText()).isEqualTo("dkd");
        assertThat(root.get("rows").get(1).get("distilledAgreement").asDouble()).isBetween(0.0, 1.0);
        assertThat(root.get("summary").get(0).get("distilledEce").get("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(root.get("teachersTrained").asInt()).isEqualTo(1);
    }

    @Test
    void badSweepsOfAnySettingAreOneLineNamingTheValue() throws Exception {
        String config = experiment(TINY).toString();
        CliRun.of("sweep", "--config", config, "--vary", "gamma", "--values", "1")
                .failsWith(ExitCodes.USAGE, "--vary: a sweep can vary T, alpha, loss, dkd_beta");
        CliRun.of("sweep", "--config", config, "--vary", "dkd_beta", "--values", "8,-1")
                .failsWith(ExitCodes.USAGE, "--values: dkd_beta -1 is outside [0, 100]");
        CliRun.of("sweep", "--config", config, "--vary", "teacher_label_smoothing", "--values", "0,0.5")
                .failsWith(ExitCodes.USAGE, "--values: teacher_label_smoothing 0.5 is outside [0, 0.5)");
        CliRun.of("sweep", "--config", config, "--vary", "loss", "--values", "hinton,foo")
                .failsWith(ExitCodes.USAGE, "--values: \"foo\" is not a loss: give hinton, dkd, lskd");
        CliRun.of("sweep", "--config", config, "--vary", "loss", "--values", " , ")
                .failsWith(ExitCodes.USAGE, "--values: no loss value to sweep: give at least one");
        CliRun.of("sweep", "--config", config, "--vary", "student_hidden", "--values", "8,8")
                .failsWith(ExitCodes.USAGE, "--values: student_hidden 8 appears twice");
        CliRun.of("sweep", "--config", config, "--vary", "labelled_fraction", "--values", "0,0.5")
                .failsWith(ExitCodes.USAGE, "--values: labelled_fraction 0 is outside (0, 1]");
        CliRun.of("sweep", "--config", config, "--vary", "loss")
                .failsWith(ExitCodes.USAGE, "--vary loss needs --values");
        CliRun.of("sweep", "--config", config, "--vary", "loss", "--values", "dkd", "--temperatures", "4")
                .failsWith(ExitCodes.USAGE, "--vary replaces --temperatures and --alphas");
        CliRun.of("sweep", "--config", config)
                .failsWith(ExitCodes.USAGE, "give --temperatures, or --vary SETTING with --values");
    }

    @Test
    void theSweepIsListedInHelp() {
        CliRun help = CliRun.of("--help");
        assertThat(help.out()).contains("sweep");
        CliRun sweepHelp = CliRun.of("sweep", "--help");
        assertThat(sweepHelp.exitCode()).isZero();
        assertThat(sweepHelp.out()).contains("--temperatures", "--alphas", "--vary", "--values", "--seeds", "--json");
    }
}
