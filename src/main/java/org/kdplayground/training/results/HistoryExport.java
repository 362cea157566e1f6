package org.kdplayground.training.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.OmittedClassResult;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TestQuality;
import org.kdplayground.io.AtomicFiles;
import org.kdplayground.ui.I18n;

/** The session's runs written out: CSV (the results table's columns, unformatted) or the table as Markdown. */
public final class HistoryExport {

    static final String CSV_HEADER = "run,dataset,temperature,alpha,labelled_fraction,transfer_set,seed,"
            + "teacher_test_accuracy,distilled_test_accuracy,baseline_test_accuracy,distilled_final_loss,"
            + "baseline_final_loss,teacher_parameters,student_parameters,student_ms_per_epoch,device,outcome,"
            + "omitted_class,class_test_rows,distilled_bias_shift,distilled_test_errors_before,"
            + "distilled_class_errors_before,distilled_test_errors_after,distilled_class_errors_after,"
            + "baseline_bias_shift,baseline_test_errors_before,baseline_class_errors_before,"
            + "baseline_test_errors_after,baseline_class_errors_after,loss,ce_weight,dkd_alpha,dkd_beta,"
            + "dkd_warmup_epochs,teacher_label_smoothing,teacher_test_ece,distilled_test_ece,baseline_test_ece,"
            + "distilled_agreement,baseline_agreement,distilled_test_kl,baseline_test_kl";

    private HistoryExport() {
    }

    public static void writeCsv(Path file, List<RunRecord> runs) throws IOException {
        AtomicFiles.writeString(file, csv(runs));
    }

    public static void writeMarkdown(Path file, List<RunRecord> runs, I18n i18n) throws IOException {
        AtomicFiles.writeString(file, HistoryTable.markdown(runs, i18n));
    }

    static String csv(List<RunRecord> runs) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (RunRecord r : runs) {
            Experiment e = r.experiment();
            RunSettings s = e.settings();
            RunResult res = r.result();
            csv.append(String.join(",", List.of(
                    Integer.toString(r.number()), e.dataset().name(), Float.toString(s.temperature()),
                    Float.toString(s.alpha()), Double.toString(s.labelledFraction()),
                    s.transferSet().name().toLowerCase(Locale.ROOT), Long.toString(s.seed()),
                    value(res.testAccuracy().get(ModelRole.TEACHER)),
                    value(res.testAccuracy().get(ModelRole.DISTILLED)),
                    value(res.testAccuracy().get(ModelRole.BASELINE)),
                    value(res.finalLosses().get(ModelRole.DISTILLED)),
                    value(res.finalLosses().get(ModelRole.BASELINE)),
                    Long.toString(res.teacherParameters()), Long.toString(res.studentParameters()),
                    Double.toString(res.studentMsPerEpoch()), res.device(),
                    res.stopReason().name().toLowerCase(Locale.ROOT), omittedCells(res), s.loss().id(),
                    Float.toString(s.ceWeight()), Float.toString(s.dkdAlpha()), Float.toString(s.dkdBeta()),
                    Integer.toString(s.dkdWarmupEpochs()), Float.toString(s.teacherLabelSmoothing()),
                    qualityCells(res)))).append('\n');
        }
        return csv.toString();
    }

    /** The omitted-class columns of a run: empty cells when it left no class out. */
    private static String omittedCells(RunResult result) {
        if (result.omittedClass().isEmpty()) {
            return ",".repeat(11);
        }
        OmittedClassResult o = result.omittedClass().get();
        List<String> cells = new ArrayList<>(List.of(Integer.toString(o.omittedClass()),
                Integer.toString(o.testClassRows())));
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            OmittedClassResult.Correction c = o.of(role);
            cells.addAll(List.of(Double.toString(c.biasShift()), Integer.toString(c.testErrorsBefore()),
                    Integer.toString(c.classErrorsBefore()), Integer.toString(c.testErrorsAfter()),
                    Integer.toString(c.classErrorsAfter())));
        }
        return String.join(",", cells);
    }

    /** Each model's ECE, then each student's agreement and mean KL to the teacher: empty where not measured. */
    private static String qualityCells(RunResult result) {
        List<String> cells = new ArrayList<>();
        for (ModelRole role : ModelRole.values()) {
            cells.add(result.quality(role).map(q -> Double.toString(q.ece())).orElse(""));
        }
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            cells.add(result.quality(role).flatMap(TestQuality::fidelity).map(f -> Double.toString(f.agreement()))
                    .orElse(""));
        }
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            cells.add(result.quality(role).flatMap(TestQuality::fidelity).map(f -> Double.toString(f.meanKl()))
                    .orElse(""));
        }
        return String.join(",", cells);
    }

    private static String value(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
