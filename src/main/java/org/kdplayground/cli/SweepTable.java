package org.kdplayground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Spread;
import org.kdplayground.engine.SweepAxis;
import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepSummary;
import org.kdplayground.engine.SweepValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sweep command's outputs: rows as CSV (the swept settings' columns first), the per-point summary as a table or
 * JSON.
 */
final class SweepTable {

    /** The columns after the swept settings'. */
    static final String CSV_MEASURES = "seed,teacher_acc,distilled_acc,baseline_acc,gain,distilled_agreement,"
            + "baseline_agreement,teacher_ece,distilled_ece,baseline_ece";

    private SweepTable() {
    }

    /** A float as typed: 4 not 4.0, 0.5 not 0.5000000. */
    static String plain(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return Float.toString(value);
    }

    /** The header: one column per swept setting, then the measures. */
    static String csvHeader(List<SweepAxis> axes) {
        return String.join(",", axes.stream().map(a -> a.setting().key()).toList()) + "," + CSV_MEASURES;
    }

    /** Measures as fractions in full (Double.toString), so they read back exactly; an empty cell where none. */
    static void writeCsv(Writer out, List<SweepAxis> axes, List<SweepRow> rows) throws IOException {
        out.write(csvHeader(axes) + "\n");
        for (SweepRow r : rows) {
            List<String> cells = new ArrayList<>();
            r.point().forEach(v -> cells.add(v.label()));
            cells.add(Long.toString(r.seed()));
            for (ModelRole role : ModelRole.values()) {
                cells.add(cell(r.accuracy(role)));
            }
            cells.add(cell(r.gain()));
            cells.add(cell(r.agreement(ModelRole.DISTILLED)));
            cells.add(cell(r.agreement(ModelRole.BASELINE)));
            for (ModelRole role : ModelRole.values()) {
                cells.add(cell(r.ece(role)));
            }
            out.write(String.join(",", cells) + "\n");
        }
        out.flush();
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** The point as its values, e.g. {@code T=4 alpha=0.5}. */
    private static String point(List<SweepValue> point) {
        return String.join(" ", point.stream().map(SweepValue::toString).toList());
    }

    static void printSummary(PrintWriter out, List<SweepAxis> axes, SweepResult result) {
        if (result.rows().isEmpty()) {
            out.println("No run finished: nothing to summarise.");
        } else {
            out.printf(Locale.ROOT, "Test set, per %s: mean +- sample SD (n-1) over seeds; gain = distilled - baseline,"
                    + " in points; agreement = the distilled student's top-1 agreement with the teacher%n",
                    String.join(" and ", axes.stream().map(a -> a.setting().key()).toList()));
            List<String[]> table = new ArrayList<>();
            List<String> head = new ArrayList<>(axes.stream().map(a -> a.setting().key()).toList());
            head.addAll(List.of("seeds", "distilled", "baseline", "gain", "teacher", "agreement", "distilled ECE"));
            table.add(head.toArray(String[]::new));
            for (SweepSummary s : result.summaries()) {
                List<String> row = new ArrayList<>(s.point().stream().map(SweepValue::label).toList());
                row.addAll(List.of(Integer.toString(s.distilled().n()), percent(s.distilled()),
                        percent(s.baseline()), points(s.gain()), percent(s.teacher()),
                        percent(s.spread(SweepMeasure.AGREEMENT, ModelRole.DISTILLED)),
                        percent(s.spread(SweepMeasure.ECE, ModelRole.DISTILLED))));
                table.add(row.toArray(String[]::new));
            }
            Table.print(out, table);
            result.best().ifPresent(b -> out.printf(Locale.ROOT,
                    "Best: %s, distilled %s (%s points over the baseline)%n", point(b.point()),
                    percent(b.distilled()), points(b.gain())));
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
            putPoint(row, r.point());
            row.put("T", r.temperature());
            row.put("alpha", r.alpha());
            row.put("seed", r.seed());
            row.put("teacherAcc", r.teacherAccuracy());
            row.put("distilledAcc", r.distilledAccuracy());
            row.put("baselineAcc", r.baselineAccuracy());
            row.put("gain", r.gain());
            row.put("distilledAgreement", r.agreement(ModelRole.DISTILLED));
            row.put("baselineAgreement", r.agreement(ModelRole.BASELINE));
            row.put("teacherEce", r.ece(ModelRole.TEACHER));
            row.put("distilledEce", r.ece(ModelRole.DISTILLED));
            row.put("baselineEce", r.ece(ModelRole.BASELINE));
            row.put("teacherTrained", r.teacherTrained());
            row.put("seconds", r.millis() / 1000);
        }
        ArrayNode summary = root.putArray("summary");
        for (SweepSummary s : result.summaries()) {
            ObjectNode node = summary.addObject();
            putPoint(node, s.point());
            node.put("T", s.temperature());
            node.put("alpha", s.alpha());
            node.put("n", s.distilled().n());
            spread(node.putObject("distilled"), s.distilled());
            spread(node.putObject("baseline"), s.baseline());
            spread(node.putObject("gain"), s.gain());
            spread(node.putObject("teacher"), s.teacher());
            spread(node.putObject("distilledAgreement"), s.spread(SweepMeasure.AGREEMENT, ModelRole.DISTILLED));
            spread(node.putObject("baselineAgreement"), s.spread(SweepMeasure.AGREEMENT, ModelRole.BASELINE));
            spread(node.putObject("distilledEce"), s.spread(SweepMeasure.ECE, ModelRole.DISTILLED));
            spread(node.putObject("baselineEce"), s.spread(SweepMeasure.ECE, ModelRole.BASELINE));
            spread(node.putObject("teacherEce"), s.spread(SweepMeasure.ECE, ModelRole.TEACHER));
        }
        result.best().ifPresentOrElse(b -> {
            ObjectNode best = root.putObject("best");
            putPoint(best, b.point());
            best.put("T", b.temperature());
            best.put("alpha", b.alpha());
        }, () -> root.putNull("best"));
        return root;
    }

    /** The swept settings' values under their keys ({@code T} and {@code alpha} are written as numbers after). */
    private static void putPoint(ObjectNode node, List<SweepValue> point) {
        for (SweepValue v : point) {
            if (v.setting().isNumeric()) {
                node.put(v.setting().key(), v.number());
            } else {
                node.put(v.setting().key(), v.label());
            }
        }
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
