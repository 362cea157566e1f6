package org.kdplayground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kdplayground.engine.Spread;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepSummary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sweep command's outputs: rows as CSV, the per-(T, α) summary as a table or JSON. */
final class SweepTable {

    static final String CSV_HEADER = "T,alpha,seed,teacher_acc,distilled_acc,baseline_acc,gain";

    private SweepTable() {
    }

    /** A float as typed: 4 not 4.0, 0.5 not 0.5000000. */
    static String plain(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return Float.toString(value);
    }

    /** Accuracies as fractions in full (Double.toString), so they read back exactly. */
    static void writeCsv(Writer out, List<SweepRow> rows) throws IOException {
        out.write(CSV_HEADER + "\n");
        for (SweepRow r : rows) {
            out.write(plain(r.temperature()) + "," + plain(r.alpha()) + "," + r.seed() + ","
                    + r.teacherAccuracy() + "," + r.distilledAccuracy() + "," + r.baselineAccuracy() + ","
                    + r.gain() + "\n");
        }
        out.flush();
    }

    static void printSummary(PrintWriter out, SweepResult result) {
        if (result.rows().isEmpty()) {
            out.println("No run finished: nothing to summarise.");
        } else {
            out.printf(Locale.ROOT, "Test accuracy per (T, alpha): mean +- sample SD (n-1) over seeds; gain = "
                    + "distilled - baseline, in points%n");
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"T", "alpha", "seeds", "distilled", "baseline", "gain", "teacher"});
            for (SweepSummary s : result.summaries()) {
                table.add(new String[] {plain(s.temperature()), plain(s.alpha()),
                        Integer.toString(s.distilled().n()), percent(s.distilled()), percent(s.baseline()),
                        points(s.gain()), percent(s.teacher())});
            }
            Table.print(out, table);
            result.best().ifPresent(b -> out.printf(Locale.ROOT,
                    "Best: T=%s alpha=%s, distilled %s (%s points over the baseline)%n", plain(b.temperature()),
                    plain(b.alpha()), percent(b.distilled()), points(b.gain())));
        }
        out.printf(Locale.ROOT, "%d of %d runs, %d teacher(s) trained, %.1f s; %s%n", result.rows().size(),
                result.plannedRuns(), result.teachersTrained(), result.totalMillis() / 1000,
                result.stopReason().name().toLowerCase(Locale.ROOT));
    }

    static ObjectNode json(SweepResult result, int seeds) {
        ObjectNode root = Json.object();
        root.put("plannedRuns", result.plannedRuns());
        root.put("finishedRuns", result.rows().size());
        root.put("seeds", seeds);
        root.put("stopReason", result.stopReason().name().toLowerCase(Locale.ROOT));
        root.put("teachersTrained", result.teachersTrained());
        root.put("seconds", result.totalMillis() / 1000);
        root.put("sd", "sample (n-1)");
        ArrayNode rows = root.putArray("rows");
        for (SweepRow r : result.rows()) {
            ObjectNode row = rows.addObject();
            row.put("T", r.temperature());
            row.put("alpha", r.alpha());
            row.put("seed", r.seed());
            row.put("teacherAcc", r.teacherAccuracy());
            row.put("distilledAcc", r.distilledAccuracy());
            row.put("baselineAcc", r.baselineAccuracy());
            row.put("gain", r.gain());
            row.put("teacherTrained", r.teacherTrained());
            row.put("seconds", r.millis() / 1000);
        }
        ArrayNode summary = root.putArray("summary");
        for (SweepSummary s : result.summaries()) {
            ObjectNode node = summary.addObject();
            node.put("T", s.temperature());
            node.put("alpha", s.alpha());
            node.put("n", s.distilled().n());
            spread(node.putObject("distilled"), s.distilled());
            spread(node.putObject("baseline"), s.baseline());
            spread(node.putObject("gain"), s.gain());
            spread(node.putObject("teacher"), s.teacher());
        }
        result.best().ifPresentOrElse(b -> {
            ObjectNode best = root.putObject("best");
            best.put("T", b.temperature());
            best.put("alpha", b.alpha());
        }, () -> root.putNull("best"));
        return root;
    }

    private static void spread(ObjectNode node, Spread s) {
        node.put("mean", s.mean());
        if (s.hasSd()) {
            node.put("sd", s.sd());
        } else {
            node.putNull("sd");
        }
    }

    private static String percent(Spread s) {
        return String.format(Locale.ROOT, "%.1f%%", s.mean() * 100)
                + (s.hasSd() ? String.format(Locale.ROOT, " +- %.1f", s.sd() * 100) : "");
    }

    private static String points(Spread s) {
        return Numbers.fixed(s.mean() * 100, 1).replaceFirst("^(?!-)", "+")
                + (s.hasSd() ? String.format(Locale.ROOT, " +- %.1f", s.sd() * 100) : "");
    }
}
