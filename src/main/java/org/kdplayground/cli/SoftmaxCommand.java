package org.kdplayground.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.math.Distributions;
import org.kdplayground.math.Softmax;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kd-playground softmax}: the seed's temperature figure as a table, one row per temperature. */
@Command(name = "softmax",
        mixinStandardHelpOptions = true,
        description = {
                "Shows softmax(z / T) of some logits at several temperatures, with the",
                "entropy of each row. A higher T spreads the probability over more classes:",
                "these are the teacher's soft labels.",
                "  kd-playground softmax --logits 2,1,0.5,0.1,-0.5 --temperatures 1,2,4,8",
                ""
        })
public final class SoftmaxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--logits", required = true, paramLabel = "Z1,Z2,...",
            description = "The logits, comma-separated.")
    String logits;

    @Option(names = "--temperatures", paramLabel = "T1,T2,...", defaultValue = "1,2,4,8",
            description = "The temperatures, comma-separated, each in [0.1, 100] (default: ${DEFAULT-VALUE}).")
    String temperatures;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "4",
            description = "Decimals in the table, 1 to 17 (default: ${DEFAULT-VALUE}).")
    int digits;

    @Option(names = "--json", description = "Print JSON (full precision) instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        double[] z = Numbers.parseList(logits, "--logits");
        double[] ts = Numbers.parseList(temperatures, "--temperatures");
        for (double t : ts) {
            Numbers.inRange(NumericSetting.TEMPERATURE, "each of --temperatures", t);
        }
        if (digits < 1 || digits > 17) {
            throw Numbers.usage("--digits must be between 1 and 17, got " + digits);
        }
        List<double[]> rows = new ArrayList<>();
        double[] entropies = new double[ts.length];
        for (int r = 0; r < ts.length; r++) {
            rows.add(Softmax.softmax(z, ts[r]));
            entropies[r] = Distributions.entropyOfLogits(z, ts[r]);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(toJson(z, ts, rows, entropies)));
        } else {
            printTable(out, z, ts, rows, entropies);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode toJson(double[] z, double[] ts, List<double[]> rows, double[] entropies) {
        ObjectNode root = Json.object();
        root.set("logits", Json.array(z));
        ArrayNode array = root.putArray("rows");
        for (int r = 0; r < ts.length; r++) {
            ObjectNode row = array.addObject();
            row.put("T", ts[r]);
            row.set("probabilities", Json.array(rows.get(r)));
            row.put("entropy", entropies[r]);
        }
        return root;
    }

    private void printTable(PrintWriter out, double[] z, double[] ts, List<double[]> rows, double[] entropies) {
        int n = z.length;
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[n + 2];
        header[0] = "T";
        for (int i = 0; i < n; i++) {
            header[i + 1] = "class " + i;
        }
        header[n + 1] = "entropy";
        cells.add(header);
        for (int r = 0; r < ts.length; r++) {
            String[] line = new String[n + 2];
            line[0] = Numbers.plain(ts[r]);
            double[] p = rows.get(r);
            for (int i = 0; i < n; i++) {
                line[i + 1] = Numbers.fixed(p[i], digits);
            }
            line[n + 1] = Numbers.fixed(entropies[r], digits);
            cells.add(line);
        }
        StringBuilder logitsText = new StringBuilder();
        for (int i = 0; i < n; i++) {
            logitsText.append(i == 0 ? "" : ", ").append(Numbers.plain(z[i]));
        }
        out.println("softmax(z / T) of logits z = [" + logitsText + "]");
        out.println();
        Table.print(out, cells);
        out.println();
        out.println("Entropy in nats; a uniform distribution over " + n + (n == 1 ? " class" : " classes")
                + " has " + Numbers.fixed(Math.log(n), digits) + ".");
    }
}
