package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.GoldenCases;
import org.kdplayground.math.LossBreakdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossCommandTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final double[] STUDENT = {1, 2, 3};
    static final double[] TEACHER = {3, 2, 1};

    @TempDir
    Path dir;

    /** The seed's loss from the textbook formulas: independent of the code under test. */
    record Expected(double hard, double kl, double soft, double total, double[] ps, double[] pt, double[] grad) {
        static Expected of(double[] s, double[] t, int y, double temp, double alpha, boolean squared) {
            double[] p1 = SoftmaxCommandTest.softmax(s, 1);
            double[] ps = SoftmaxCommandTest.softmax(s, temp);
            double[] pt = SoftmaxCommandTest.softmax(t, temp);
            double kl = 0;
            for (int i = 0; i < s.length; i++) {
                kl += pt[i] * Math.log(pt[i] / ps[i]);
            }
            double soft = squared ? temp * temp * kl : kl;
            double[] grad = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                grad[i] = alpha * (p1[i] - (i == y ? 1 : 0))
                        + (1 - alpha) * (squared ? temp : 1 / temp) * (ps[i] - pt[i]);
            }
            double hard = -Math.log(p1[y]);
            return new Expected(hard, kl, soft, alpha * hard + (1 - alpha) * soft, ps, pt, grad);
        }
    }

    static String f6(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    @Test
    void textShowsLossTermsAndGradientPerClass() {
        CliRun run = CliRun.of("loss", "--student", "1,2,3", "--teacher", "3,2,1", "--label", "0", "-T", "4",
                "--alpha", "0.5").succeeds();
        Expected e = Expected.of(STUDENT, TEACHER, 0, 4, 0.5, true);
        String out = run.out();
        assertThat(out).containsPattern("hard .*" + f6(e.hard()))
                .containsPattern("KL\\(p_t\\^T \\|\\| p_s\\^T\\) +" + f6(e.kl()))
                .containsPattern("soft  T\\^2 \\* KL +" + f6(e.soft()))
                .containsPattern("total +" + f6(e.total()));
        List<String> rows = out.lines().filter(l -> l.matches("^[0-9].*")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("0 (label)");
        for (int i = 0; i < 3; i++) {
            String[] cells = rows.get(i).replace(" (label)", "").trim().split("\\s+");
            assertThat(cells).containsExactly(Integer.toString(i), f6(e.ps()[i]), f6(e.pt()[i]), f6(e.grad()[i]));
        }
    }

    @Test
    void jsonCarriesAllTermsAtFullPrecision() throws Exception {
        CliRun run = CliRun.of("loss", "--student", "1,2,3", "--teacher", "3,2,1", "--label", "2",
                "--temperature", "2.5", "--alpha", "0.3", "--json").succeeds();
        JsonNode n = MAPPER.readTree(run.out());
        Expected e = Expected.of(STUDENT, TEACHER, 2, 2.5, 0.3, true);
        assertThat(n.get("label").asInt()).isEqualTo(2);
        assertThat(n.get("T").asDouble()).isEqualTo(2.5);
        assertThat(n.get("alpha").asDouble()).isEqualTo(0.3);
        assertThat(n.get("scaling").asText()).isEqualTo("T^2");
        assertThat(n.get("hard").asDouble()).isCloseTo(e.hard(), within(1e-14));
        assertThat(n.get("kl").asDouble()).isCloseTo(e.kl(), within(1e-14));
        assertThat(n.get("soft").asDouble()).isCloseTo(e.soft(), within(1e-13));
        assertThat(n.get("total").asDouble()).isCloseTo(e.total(), within(1e-13));
        for (int i = 0; i < 3; i++) {
            assertThat(n.get("p_student").get(i).asDouble()).isCloseTo(e.ps()[i], within(1e-15));
            assertThat(n.get("p_teacher").get(i).asDouble()).isCloseTo(e.pt()[i], within(1e-15));
            assertThat(n.get("grad").get(i).asDouble()).isCloseTo(e.grad()[i], within(1e-14));
        }
    }

    @Test
    void noTSquaredDropsTheFactorFromLossAndGradient() throws Exception {
        CliRun run = CliRun.of("loss", "--student", "1,2,3", "--teacher", "3,2,1", "--label", "0", "-T", "4",
                "--alpha", "0", "--no-t-squared", "--json").succeeds();
        JsonNode n = MAPPER.readTree(run.out());
        Expected e = Expected.of(STUDENT, TEACHER, 0, 4, 0, false);
        assertThat(n.get("scaling").asText()).isEqualTo("none");
        assertThat(n.get("soft").asDouble()).isCloseTo(e.kl(), within(1e-15));
        for (int i = 0; i < 3; i++) {
            assertThat(n.get("grad").get(i).asDouble()).isCloseTo(e.grad()[i], within(1e-15));
        }
        assertThat(CliRun.of("loss", "--student", "1,2,3", "--teacher", "3,2,1", "--label", "0",
                "--no-t-squared").succeeds().out()).contains("no T^2");
    }

    @Test
    void casesOutputReproducesEveryGoldenCase() throws Exception {
        Path file = copyGolden();
        CliRun run = CliRun.of("loss", "--cases", file.toString(), "--engine", "math").succeeds();
        List<String> lines = run.out().lines().toList();
        List<GoldenCases.Case> golden = GoldenCases.all();
        assertThat(lines).hasSize(480).hasSameSizeAs(golden);
        for (int k = 0; k < lines.size(); k++) {
            JsonNode n = MAPPER.readTree(lines.get(k));
            GoldenCases.Case g = golden.get(k);
            String where = "case " + g;
            // inputs echoed, so the output is itself a reference-format file
            assertThat(GoldenCases.doubles(n.get("student"))).as(where).containsExactly(g.student());
            assertThat(n.get("label").asInt()).isEqualTo(g.label());
            assertClose(where + " p_student", GoldenCases.doubles(n.get("p_student")), g.pStudent());
            assertClose(where + " p_teacher", GoldenCases.doubles(n.get("p_teacher")), g.pTeacher());
            assertClose(where + " hard", new double[] {n.get("hard").asDouble()}, new double[] {g.hard()});
            assertClose(where + " soft", new double[] {n.get("soft").asDouble()}, new double[] {g.soft()});
            assertClose(where + " total", new double[] {n.get("total").asDouble()}, new double[] {g.total()});
            assertClose(where + " grad", GoldenCases.doubles(n.get("grad")), g.grad());
            // and the numbers round-trip exactly to what the math library computes
            LossBreakdown b = DistillationLoss.compute(g.student(), g.teacher(), g.label(), g.temperature(),
                    g.alpha());
            assertThat(n.get("total").asDouble()).isEqualTo(b.total());
            assertThat(n.get("soft").asDouble()).isEqualTo(b.soft());
            assertThat(GoldenCases.doubles(n.get("grad"))).containsExactly(b.gradient());
            assertThat(GoldenCases.doubles(n.get("p_student"))).containsExactly(b.pStudentT());
        }
    }

    /**
     * To 1e-12: relative for magnitudes ≥ 1, absolute below (PyTorch's own rounding of a tiny KL, such as a
     * soft term of 1.6e-8 with 1e-7 relative error in the reference, is an absolute error of about 1e-15).
     */
    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i)
                    .isCloseTo(expected[i], within(1e-12 * Math.max(1.0, Math.abs(expected[i]))));
        }
    }

    @Test
    void casesSkipBlankLinesAndAcceptWholeNumberLabelsWrittenAsDecimals() throws Exception {
        Path file = write("\n{\"student\":[1,2],\"teacher\":[2,1],\"label\":1.0,\"T\":2,\"alpha\":0.5}\n\n");
        CliRun run = CliRun.of("loss", "--cases", file.toString()).succeeds();
        assertThat(run.out().lines()).hasSize(1);
        JsonNode n = MAPPER.readTree(run.out());
        Expected e = Expected.of(new double[] {1, 2}, new double[] {2, 1}, 1, 2, 0.5, true);
        assertThat(n.get("total").asDouble()).isCloseTo(e.total(), within(1e-14));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--student 1,abc,3 --teacher 3,2,1 --label 0 | 'abc' is not a number in --student",
            "--student 1,2,3 --teacher 3,x --label 0     | 'x' is not a number in --teacher",
            "--student 1,2,3 --teacher 3,2 --label 0     | --student has 3 values but --teacher has 2",
            "--student 1,2,3 --teacher 3,2,1 --label 3   | --label 3 is out of range: with 3 classes it must be 0 to 2",
            "--student 1,2,3 --teacher 3,2,1 --label -1  | --label -1 is out of range",
            "--student 1,2,3 --teacher 3,2,1 --label one | 'one' is not a whole number in --label",
            "--student 1,2,3 --teacher 3,2,1 --label 0 -T 0      | --temperature must be in [0.1, 100], got 0",
            "--student 1,2,3 --teacher 3,2,1 --label 0 -T -4     | --temperature must be in [0.1, 100], got -4",
            "--student 1,2,3 --teacher 3,2,1 --label 0 -T 500    | --temperature must be in [0.1, 100], got 500",
            "--student 1,2,3 --teacher 3,2,1 --label 0 -T hot    | 'hot' is not a number in --temperature",
            "--student 1,2,3 --teacher 3,2,1 --label 0 --alpha 1.5  | --alpha must be in [0, 1], got 1.5",
            "--student 1,2,3 --teacher 3,2,1 --label 0 --alpha -0.1 | --alpha must be in [0, 1], got -0.1",
            "--student 1,2,3 --teacher 3,2,1                     | give --student, --teacher and --label",
            "--student 1,2,3 --teacher 3,2,1 --label 0 --cases x | --cases cannot be combined",
            "--student 1e400 --teacher 1 --label 0               | '1e400' is too large in --student",
    })
    void badArgumentsGiveOneLineAndUsageExitCode(String args, String message) {
        CliRun.of(("loss " + args.trim()).split("\\s+")).failsWith(ExitCodes.USAGE, message);
    }

    @Test
    void emptyLogitsAreRejected() {
        CliRun.of("loss", "--student", "", "--teacher", "1", "--label", "0")
                .failsWith(ExitCodes.USAGE, "--student needs at least one number");
    }

    @Test
    void unknownEngineIsAPicocliUsageError() {
        CliRun run = CliRun.of("loss", "--cases", "x.jsonl", "--engine", "tensorflow");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown engine 'tensorflow' (choose from: math, djl)")
                .doesNotContain("Exception");
    }

    @Test
    void missingFileIsBadInput() {
        Path missing = dir.resolve("nope.jsonl");
        CliRun.of("loss", "--cases", missing.toString())
                .failsWith(ExitCodes.BAD_INPUT, "cannot read " + missing + ": no such file");
        CliRun.of("loss", "--cases", dir.toString()).failsWith(ExitCodes.BAD_INPUT, "it is a directory");
    }

    static final String GOOD = "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":4,\"alpha\":0.5}";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":4          | line 2, column 53: malformed JSON",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":4} extra   | line 2, column 55: malformed JSON",
            "[1,2,3]                                                                | line 2: expected a JSON object",
            "{\"student\":[1,2,3],\"label\":0,\"T\":4,\"alpha\":0.5}               | line 2: missing field 'teacher'",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"alpha\":0.5}   | line 2: missing field 'T'",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"T\":4,\"alpha\":0.5}       | line 2: missing field 'label'",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":4,\"alpha\":null} | line 2: missing field 'alpha'",
            "{\"student\":[1,\"a\",3],\"teacher\":[3,2,1],\"label\":0,\"T\":4,\"alpha\":0.5} | line 2: 'student'[1] is not a number",
            "{\"student\":[],\"teacher\":[],\"label\":0,\"T\":4,\"alpha\":0.5}     | line 2: 'student' must be a non-empty array",
            "{\"student\":[1,2,3],\"teacher\":[3,2],\"label\":0,\"T\":4,\"alpha\":0.5} | line 2: student logits has 3 classes but teacher logits has 2",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":3,\"T\":4,\"alpha\":0.5} | line 2: label 3 is out of range for 3 classes",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0.5,\"T\":4,\"alpha\":0.5} | line 2: 'label' is not a whole number",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":0,\"alpha\":0.5} | line 2: \"T\" must be in [0.1, 100], got 0",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":\"4\",\"alpha\":0.5} | line 2: 'T' is not a number",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":4,\"alpha\":2} | line 2: \"alpha\" must be in [0, 1], got 2",
            "{\"student\":[1e400,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":4,\"alpha\":0.5} | line 2: student logits[0] is not finite",
            "{\"student\":[1,2,3],\"teacher\":[3,2,1],\"label\":0,\"T\":4,\"T\":8,\"alpha\":0.5} | line 2, column 57: malformed JSON: Duplicate field 'T'",
            "{\"student\":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]],\"teacher\":[3,2,1]} | line 2: refused: nested deeper than 16 levels",
    })
    void badCaseFileNamesTheLineAndExitsWithBadInput(String secondLine, String message) throws Exception {
        Path file = write(GOOD + "\n" + secondLine.trim() + "\n" + GOOD + "\n");
        CliRun run = CliRun.of("loss", "--cases", file.toString())
                .failsWith(ExitCodes.BAD_INPUT, file + " " + message);
        assertThat(run.out().lines()).as("the good first line was already written").hasSize(1);
        assertThat(run.err()).doesNotContain("[Source");
    }

    /** A byte that is not UTF-8 was "not UTF-8 text" with no place; the line and byte are named now. */
    @Test
    void aCaseFileThatIsNotUtf8NamesTheLineAndByte() throws Exception {
        Path file = dir.resolve("cases.jsonl");
        Files.write(file, (GOOD + "\n" + GOOD.replace("\"label\"", "\"caf\u00e9\", \"label\"") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("loss", "--cases", file.toString()).failsWith(ExitCodes.BAD_INPUT, file
                + " line 2, byte 42: not UTF-8 text: byte 0xE9 is not part of a UTF-8 character; save the file as"
                + " UTF-8");
        assertThat(run.out().lines()).as("the good first line was already written").hasSize(1);
    }

    @Test
    void textIsEnglishAndFriendlyForOverflowingResults() {
        // logits so far apart that dividing by T overflows
        CliRun.of("loss", "--student", "1e308,-1e308", "--teacher", "-1e308,1e308", "--label", "0", "-T", "0.1")
                .failsWith(ExitCodes.USAGE, "the result overflows");
    }

    private Path copyGolden() throws IOException {
        Path file = dir.resolve("golden.jsonl");
        try (InputStream in = GoldenCases.class.getResourceAsStream(GoldenCases.RESOURCE)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
