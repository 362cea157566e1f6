package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxCommandTest {

    static final double[] SEED = {2.0, 1.0, 0.5, 0.1, -0.5};

    /** exp(z_i / T) / Σ exp(z_j / T), written out: independent of the code under test. */
    static double[] softmax(double[] z, double t) {
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] / t);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static double entropy(double[] p) {
        double h = 0;
        for (double x : p) {
            h -= x * Math.log(x);
        }
        return h;
    }

    @Test
    void tableHasOneAlignedRowPerTemperatureWithEntropy() {
        CliRun run = CliRun.of("softmax", "--logits", "2,1,0.5,0.1,-0.5", "--temperatures", "1,2,4,8").succeeds();
        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("T ")).findFirst().orElseThrow());
        assertThat(lines.get(header).split("\\s{2,}"))
                .containsExactly("T", "class 0", "class 1", "class 2", "class 3", "class 4", "entropy");
        double[] temperatures = {1, 2, 4, 8};
        for (int r = 0; r < 4; r++) {
            String line = lines.get(header + 1 + r);
            assertThat(line).hasSameSizeAs(lines.get(header));
            String[] cells = line.trim().split("\\s+");
            assertThat(Double.parseDouble(cells[0])).isEqualTo(temperatures[r]);
            double[] p = softmax(SEED, temperatures[r]);
            for (int i = 0; i < 5; i++) {
                assertThat(cells[i + 1]).isEqualTo(String.format(Locale.ROOT, "%.4f", p[i]));
            }
            assertThat(cells[6]).isEqualTo(String.format(Locale.ROOT, "%.4f", entropy(p)));
        }
        assertThat(run.out()).contains("0.5486").contains("1.6094");
    }

    @Test
    void jsonCarriesFullPrecisionProbabilitiesAndEntropy() throws Exception {
        CliRun run = CliRun.of("softmax", "--logits", "2,1,0.5,0.1,-0.5", "--temperatures", "1,4", "--json")
                .succeeds();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("logits").size()).isEqualTo(5);
        JsonNode rows = root.get("rows");
        assertThat(rows.size()).isEqualTo(2);
        double[] ts = {1, 4};
        for (int r = 0; r < 2; r++) {
            JsonNode row = rows.get(r);
            assertThat(row.get("T").asDouble()).isEqualTo(ts[r]);
            double[] p = softmax(SEED, ts[r]);
            for (int i = 0; i < 5; i++) {
                assertThat(row.get("probabilities").get(i).asDouble()).isCloseTo(p[i], within(1e-15));
            }
            assertThat(row.get("entropy").asDouble()).isCloseTo(entropy(p), within(1e-14));
        }
    }

    @Test
    void negativeFirstLogitAndDefaultTemperaturesWork() {
        CliRun run = CliRun.of("softmax", "--logits", "-0.5,2", "--digits", "6").succeeds();
        assertThat(run.out()).contains(String.format(Locale.ROOT, "%.6f", softmax(new double[] {-0.5, 2}, 8)[1]));
        assertThat(run.out().lines().filter(l -> l.matches("^[0-9].*"))).hasSize(4);
    }

    @Test
    void extremeLogitsStayFinite() {
        CliRun run = CliRun.of("softmax", "--logits", "10000,-10000,0", "--temperatures", "0.1,100").succeeds();
        assertThat(run.out()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--logits 2,abc,1                 | 'abc' is not a number in --logits",
            "--logits 2,NaN                   | 'NaN' is not a number in --logits",
            "--logits 1e999                   | '1e999' is too large in --logits",
            "--logits 2,,1                    | empty value at position 2 in --logits",
            "--logits 1,2 --temperatures 1,0  | each of --temperatures must be in [0.1, 100], got 0",
            "--logits 1,2 --temperatures -2   | each of --temperatures must be in [0.1, 100], got -2",
            "--logits 1,2 --temperatures 500  | each of --temperatures must be in [0.1, 100], got 500",
            "--logits 1,2 --temperatures x    | 'x' is not a number in --temperatures",
            "--logits 1,2 --digits 30         | --digits must be between 1 and 17",
    })
    void badInputGivesOneLineAndUsageExitCode(String args, String message) {
        CliRun.of(("softmax " + args.trim()).split(" ")).failsWith(ExitCodes.USAGE, message);
    }

    @Test
    void emptyLogitsAreRejected() {
        CliRun.of("softmax", "--logits", "").failsWith(ExitCodes.USAGE, "--logits needs at least one number");
        CliRun.of("softmax", "--logits", " , ").failsWith(ExitCodes.USAGE, "empty value");
    }

    @Test
    void missingLogitsIsAPicocliUsageError() {
        CliRun run = CliRun.of("softmax");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--logits").doesNotContain("Exception");
    }

    @Test
    void rootHelpListsTheCommands() {
        CliRun run = CliRun.of("--help").succeeds();
        assertThat(run.out()).contains("softmax").contains("loss");
    }
}
