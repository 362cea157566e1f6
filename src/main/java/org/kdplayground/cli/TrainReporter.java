package org.kdplayground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.kdplayground.engine.EpochMetrics;
import org.kdplayground.engine.ModelPredictor;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.OmittedClassResult;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.RunListener;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.RunStart;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.engine.TestQuality;
import org.kdplayground.engine.loss.LossPart;

/**
 * The train command's listener: a progress bar on stderr (redrawn at most every 100 ms) and, when asked, every
 * step and epoch as a CSV row. Runs on the training thread.
 */
final class TrainReporter implements RunListener {

    static final String CSV_HEADER = "kind,phase,epoch,step,global_step,teacher_ce,distilled_hard,distilled_soft,"
            + "distilled_total,baseline_ce,labelled_rows,teacher_train_acc,teacher_test_acc,distilled_train_acc,"
            + "distilled_test_acc,baseline_train_acc,baseline_test_acc,teacher_test_ece,distilled_test_ece,"
            + "baseline_test_ece,distilled_agreement,baseline_agreement,distilled_test_kl,baseline_test_kl";
    /** The calibration and fidelity columns' empty cells, in a step's row. */
    private static final String EMPTY_QUALITY = ",,,,,,,";
    /** Columns added when the run omits a class, filled in its {@code bias} rows (one per student) at the end. */
    static final String CSV_OMITTED_COLUMNS = ",model,omitted_class,bias_shift,test_rows,class_test_rows,"
            + "test_errors_before,class_errors_before,test_errors_after,class_errors_after";
    private static final String EMPTY_OMITTED = ",,,,,,,,,";

    private final PrintWriter err;
    private final boolean progress;
    private final Writer csv;
    private final int teacherEpochs;
    private final int studentEpochs;
    /** The loss's parts beyond hard and soft (DKD's TCKD, NCKD): a column each, after the accuracies. */
    private final List<LossPart> extraParts;
    /** What ends every row but a student step's: the extra parts' empty cells, the omitted-class columns'. */
    private final String rowEnd;
    private final String omittedEnd;
    private long totalSteps;
    private long lastDraw;
    private boolean drawn;
    private IOException csvError;

    /** @param settings the run's settings: a run that omits a class gets the bias columns and rows */
    TrainReporter(PrintWriter err, boolean progress, Writer csv, RunSettings settings) {
        this.err = err;
        this.progress = progress;
        this.csv = csv;
        this.teacherEpochs = settings.teacherEpochs();
        this.studentEpochs = settings.studentEpochs();
        this.extraParts = settings.loss().parts().stream()
                .filter(part -> part != LossPart.HARD && part != LossPart.SOFT).toList();
        this.omittedEnd = settings.omitsAClass() ? EMPTY_OMITTED + "\n" : "\n";
        this.rowEnd = EMPTY_QUALITY + ",".repeat(extraParts.size()) + omittedEnd;
        if (csv != null) {
            StringBuilder header = new StringBuilder(CSV_HEADER);
            extraParts.forEach(part -> header.append(",distilled_").append(part.name().toLowerCase(Locale.ROOT)));
            write(header + (settings.omitsAClass() ? CSV_OMITTED_COLUMNS : "") + "\n");
        }
    }

    @Override
    public void runStarted(RunStart start) {
        totalSteps = (long) teacherEpochs * start.teacherStepsPerEpoch()
                + (long) studentEpochs * start.studentStepsPerEpoch();
        if (progress) {
            err.printf(Locale.ROOT, "Training on %s: teacher %,d parameters%s, students %,d parameters each%n",
                    start.device(), start.teacherParameters(), start.teacherFromCache() ? " (reused)" : "",
                    start.studentParameters());
        }
    }

    @Override
    public void step(StepMetrics m) {
        if (csv != null) {
            if (m instanceof StepMetrics.TeacherStep t) {
                write(new StringBuilder(96).append("step,teacher,").append(t.epoch()).append(',').append(t.step())
                        .append(',').append(t.globalStep()).append(',').append(num(t.loss())).append(",,,,,,,,,,,")
                        .append(rowEnd).toString());
            } else if (m instanceof StepMetrics.StudentStep s) {
                StringBuilder row = new StringBuilder(160).append("step,students,").append(s.epoch()).append(',')
                        .append(s.step()).append(',').append(s.globalStep()).append(",,")
                        .append(num(s.part(LossPart.HARD))).append(',').append(part(s, LossPart.SOFT)).append(',')
                        .append(num(s.total())).append(',').append(num(s.baselineLoss())).append(',')
                        .append(s.labelledRows()).append(",,,,,,").append(EMPTY_QUALITY);
                extraParts.forEach(part -> row.append(',').append(part(s, part)));
                write(row.append(omittedEnd).toString());
            }
        }
        long now = System.nanoTime();
        if (progress && (now - lastDraw > 100_000_000L || m.globalStep() == totalSteps)) {
            lastDraw = now;
            draw(m);
        }
    }

    private void draw(StepMetrics m) {
        int width = 30;
        double done = totalSteps == 0 ? 1 : Math.min(1, m.globalStep() / (double) totalSteps);
        int filled = (int) Math.round(done * width);
        String phase = m.phase() == Phase.TEACHER
                ? String.format(Locale.ROOT, "teacher  epoch %d/%d", m.epoch(), teacherEpochs)
                : String.format(Locale.ROOT, "students epoch %d/%d", m.epoch(), studentEpochs);
        String loss = m instanceof StepMetrics.TeacherStep t
                ? String.format(Locale.ROOT, "CE %.4f", t.loss())
                : String.format(Locale.ROOT, "KD %.4f  baseline %.4f", ((StepMetrics.StudentStep) m).total(),
                ((StepMetrics.StudentStep) m).baselineLoss());
        err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%% ", done * 100) + phase + "  " + loss + "    ");
        err.flush();
        drawn = true;
    }

    @Override
    public void epochEnded(EpochMetrics m, ModelPredictor predictor) {
        if (csv == null) {
            return;
        }
        StringBuilder row = new StringBuilder("epoch,").append(m.phase() == Phase.TEACHER ? "teacher" : "students")
                .append(',').append(m.epoch()).append(",,,,,,,,");
        for (ModelRole role : ModelRole.values()) {
            var acc = m.accuracy(role);
            row.append(',').append(acc.map(a -> num(a.train())).orElse(""))
                    .append(',').append(acc.filter(a -> !Double.isNaN(a.test())).map(a -> num(a.test())).orElse(""));
        }
        for (ModelRole role : ModelRole.values()) {
            row.append(',').append(m.quality(role).map(q -> num(q.ece())).orElse(""));
        }
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            row.append(',').append(m.quality(role).flatMap(TestQuality::fidelity).map(f -> num(f.agreement()))
                    .orElse(""));
        }
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            row.append(',').append(m.quality(role).flatMap(TestQuality::fidelity).map(f -> num(f.meanKl()))
                    .orElse(""));
        }
        write(row.append(",".repeat(extraParts.size())).append(omittedEnd).toString());
    }

    @Override
    public void runEnded(RunResult result) {
        if (csv == null || result.omittedClass().isEmpty()) {
            return;
        }
        OmittedClassResult o = result.omittedClass().get();
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            OmittedClassResult.Correction c = o.of(role);
            write(String.format(Locale.ROOT, "bias,students,,,,,,,,,,,,,,," + EMPTY_QUALITY + "%s,%s,%d,%s,%d,%d,%d,%d,%d,%d%n",
                    ",".repeat(extraParts.size()), role.name().toLowerCase(Locale.ROOT), o.omittedClass(), num(c.biasShift()), o.testRows(),
                    o.testClassRows(), c.testErrorsBefore(), c.classErrorsBefore(), c.testErrorsAfter(),
                    c.classErrorsAfter()));
        }
    }

    /** Ends the progress line so the table starts on a fresh one. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    IOException csvError() {
        return csvError;
    }

    private void write(String text) {
        if (csvError != null) {
            return;
        }
        try {
            csv.write(text);
        } catch (IOException e) {
            csvError = e;
        }
    }

    /** A part of the loss, or an empty cell for a part its method does not have. */
    private static String part(StepMetrics.StudentStep s, LossPart part) {
        double v = s.part(part);
        return Double.isNaN(v) ? "" : num(v);
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
