package org.kdplayground.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.math.SoftScaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kd-playground loss}: the notebook's distillation loss, its parts and its gradient, for one example typed on
 * the command line or for every case of a file in the reference format.
 */
@Command(name = "loss",
        mixinStandardHelpOptions = true,
        description = {
                "Computes the distillation loss of the teaching notebook and its gradient:",
                "  L = alpha * CE(y, softmax(z_s)) + (1 - alpha) * T^2 * KL(p_t^T || p_s^T)",
                "where p^T = softmax(z / T) and alpha weights the hard loss.",
                "",
                "One example:",
                "  kd-playground loss --student 1,2,3 --teacher 3,2,1 --label 0 -T 4 --alpha 0.5",
                "A file of cases, one JSON object a line with student, teacher, label, T and",
                "alpha (the reference format); writes one JSON line per case with p_student,",
                "p_teacher, hard, soft, total and grad added. A line with \"method\": \"dkd\",",
                "\"lskd\" or \"ce_ls\" (and that method's fields) gets its own parts, total and grad:",
                "  kd-playground loss --cases FILE.jsonl",
                ""
        })
public final class LossCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--student", paramLabel = "Z1,Z2,...", description = "The student's logits, comma-separated.")
    String student;

    @Option(names = "--teacher", paramLabel = "Z1,Z2,...", description = "The teacher's logits, comma-separated.")
    String teacher;

    @Option(names = "--label", paramLabel = "K", description = "The true class, from 0.")
    String label;

    @Option(names = {"-T", "--temperature"}, paramLabel = "T", defaultValue = "4",
            description = "The temperature, in [0.1, 100] (default: ${DEFAULT-VALUE}).")
    String temperature;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.5",
            description = "Weight of the hard loss, in [0, 1] (default: ${DEFAULT-VALUE}).")
    String alpha;

    @Option(names = "--no-t-squared",
            description = "Drop the T^2 factor from the soft term, to see its gradient vanish as 1/T^2.")
    boolean noTSquared;

    @Option(names = "--cases", paramLabel = "FILE",
            description = "Read cases from a JSON-lines file (the reference format) and write one JSON line each.")
    Path cases;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "math", converter = EngineKind.Converter.class,
            completionCandidates = EngineKind.Names.class,
            description = "Which engine computes the loss: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EngineKind engine;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "6",
            description = "Decimals in the text output, 1 to 17 (default: ${DEFAULT-VALUE}).")
    int digits;

    @Option(names = "--json", description = "Print JSON (full precision) instead of text; --cases always does.")
    boolean json;

    @Override
    public Integer call() {
        SoftScaling scaling = noTSquared ? SoftScaling.NONE : SoftScaling.T_SQUARED;
        if (digits < 1 || digits > 17) {
            throw Numbers.usage("--digits must be between 1 and 17, got " + digits);
        }
        if (cases != null) {
            if (student != null || teacher != null || label != null) {
                throw Numbers.usage("--cases cannot be combined with --student, --teacher or --label");
            }
            return new LossCases(cases, engine, scaling).writeTo(spec.commandLine().getOut());
        }
        return runOne(scaling);
    }

    // ---------------------------------------------------------------- one example

    private int runOne(SoftScaling scaling) {
        if (student == null || teacher == null || label == null) {
            throw Numbers.usage("give --student, --teacher and --label (or --cases FILE)");
        }
        double[] s = Numbers.parseList(student, "--student");
        double[] t = Numbers.parseList(teacher, "--teacher");
        if (s.length != t.length) {
            throw Numbers.usage("--student has " + s.length + " values but --teacher has " + t.length);
        }
        int y = Numbers.parseInt(label, "--label");
        if (y < 0 || y >= s.length) {
            throw Numbers.usage("--label " + y + " is out of range: with " + s.length + " classes it must be 0 to "
                    + (s.length - 1));
        }
        double temp = Numbers.inRange(NumericSetting.TEMPERATURE, "--temperature",
                Numbers.parse(temperature, "--temperature"));
        double a = Numbers.inRange(NumericSetting.ALPHA, "--alpha", Numbers.parse(alpha, "--alpha"));
        LossEngine.LossCase c = new LossEngine.LossCase(s, t, y, temp, a);
        LossEngine.Result r;
        try (LossEngine e = engine.create()) {
            r = e.compute(c, scaling);
        } catch (IllegalArgumentException e) {
            throw Numbers.usage(e.getMessage());
        }
        if (!r.isFinite()) {
            throw Numbers.usage("the result overflows for these inputs; keep logits within +-1e4 and T within"
                    + " [0.01, 1000]");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = LossCases.caseJson(c, r);
            node.put("scaling", scaling == SoftScaling.T_SQUARED ? "T^2" : "none");
            node.put("kl", r.kl());
            out.println(Json.pretty(node));
        } else {
            printText(out, c, r, scaling);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printText(PrintWriter out, LossEngine.LossCase c, LossEngine.Result r, SoftScaling scaling) {
        boolean squared = scaling == SoftScaling.T_SQUARED;
        out.println("Distillation loss at T = " + Numbers.plain(c.temperature()) + ", alpha = "
                + Numbers.plain(c.alpha()) + ", label = " + c.label() + ", " + c.student().length + " classes");
        out.println(squared
                ? "  L = alpha * CE(y, softmax(z_s)) + (1 - alpha) * T^2 * KL(p_t^T || p_s^T)"
                : "  L = alpha * CE(y, softmax(z_s)) + (1 - alpha) * KL(p_t^T || p_s^T)   (no T^2 factor)");
        out.println();
        List<String[]> terms = new ArrayList<>();
        terms.add(new String[] {"hard  CE(y, softmax(z_s))", Numbers.fixed(r.hard(), digits)});
        terms.add(new String[] {"KL(p_t^T || p_s^T)", Numbers.fixed(r.kl(), digits)});
        terms.add(new String[] {squared ? "soft  T^2 * KL" : "soft  KL (no T^2)", Numbers.fixed(r.soft(), digits)});
        terms.add(new String[] {"total", Numbers.fixed(r.total(), digits)});
        for (String[] term : terms) {
            out.println("  " + term[0] + " ".repeat(28 - term[0].length()) + term[1]);
        }
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"class", "student p^T", "teacher p^T", "gradient dL/dz_s"});
        for (int i = 0; i < c.student().length; i++) {
            rows.add(new String[] {i == c.label() ? i + " (label)" : Integer.toString(i),
                    Numbers.fixed(r.pStudent()[i], digits), Numbers.fixed(r.pTeacher()[i], digits),
                    Numbers.fixed(r.grad()[i], digits)});
        }
        Table.print(out, rows);
    }
}
