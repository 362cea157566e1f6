package org.kdplayground.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.kdplayground.data.DatasetException;
import org.kdplayground.engine.DistillationRun;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.OmittedClassResult;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TestQuality;
import org.kdplayground.engine.loss.LossMethod;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kd-playground train --config experiment.json}: trains teacher, baseline and distilled student headless,
 * the way the GUI does, and prints what distillation bought. The reproducible twin of the training screen.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a teacher, then a distilled student beside a baseline student, and compare them.",
                "Options override the experiment file's values. With an omitted class, also print the",
                "students' test errors before and after their bias for that class is raised."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "experiment JSON (version 1)")
    Path config;

    @Option(names = "--out", paramLabel = "FILE", description = "write every step and epoch as CSV")
    Path out;

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Mixin
    LossWeightOptions lossWeights = new LossWeightOptions();

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    /** Why the CSV could not be written, reported after the table. */
    private CliException csvFailure;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        TrainingCommands.refuseOverwritingInput(out, "--out", config, "--config");
        Experiment experiment = TrainingCommands.readExperiment(config);
        RunConfig runConfig = buildConfig(experiment);
        TrainingCommands.startEngine();
        RunControl control = new RunControl();
        try (CtrlC ctrlC = new CtrlC(control, "kd-train-cancel")) {
            RunResult result = train(runConfig, control, stderr);
            printTable(stdout, runConfig, result);
            if (csvFailure != null) {
                throw csvFailure; // after the table: a CSV that could not be written loses no result
            }
            return switch (result.stopReason()) {
                case COMPLETED -> ExitCodes.OK;
                case CANCELLED -> ExitCodes.CANCELLED;
                case DIVERGED -> throw new CliException(ExitCodes.DIVERGED, result.message());
            };
        }
    }

    /**
     * Trains, with the progress bar and the CSV; the CSV (whole rows only, those written before a Ctrl+C included) is
     * in place when this returns, or an earlier file of its name is left as it was when the writing failed.
     */
    private RunResult train(RunConfig runConfig, RunControl control, PrintWriter stderr) {
        CsvFile csv = out == null ? null : CsvFile.open(out);
        TrainReporter reporter = new TrainReporter(stderr, !noProgress, csv == null ? null : csv.writer(),
                runConfig.settings());
        RunResult result;
        try (NDManager manager = NDManager.newBaseManager()) {
            // one run per process: no teacher to reuse, and none worth keeping
            result = new DistillationRun(runConfig.withReuseTeacher(false)).run(manager, reporter, control);
        } catch (RuntimeException | Error e) {
            reporter.finish();
            if (csv != null) {
                csv.close();
            }
            throw e;
        }
        reporter.finish();
        if (csv != null) {
            try {
                csv.commit(reporter.csvError());
            } catch (CliException e) {
                csvFailure = e;
            }
        }
        return result;
    }

    RunConfig buildConfig(Experiment e) {
        Experiment chosen;
        try {
            chosen = runOptions.applyTo(e);
            chosen = chosen.withSettings(lossWeights.applyTo(chosen.settings()));
        } catch (DatasetException ex) {
            throw new CliException(ExitCodes.BAD_INPUT, ex.getMessage());
        }
        return TrainingCommands.runConfig(chosen);
    }

    static void printTable(PrintWriter out, RunConfig c, RunResult r) {
        int inputs = c.train().featureCount();
        int classes = c.train().classCount();
        RunSettings s = c.settings();
        out.printf(Locale.ROOT, "%n%s: %d training rows (%d labelled), %d test rows; %s lr=%s "
                        + "transfer=%s seed=%d%n", c.train().name(), c.train().size(), c.labelledCount(),
                c.test().size(), lossSettings(s), s.learningRate(),
                s.transferSet().name().toLowerCase(Locale.ROOT), s.seed());
        String row = "%-10s %-26s %10s %10s %10s %8s %10s %10s%n";
        out.printf(Locale.ROOT, row, "model", "network", "parameters", "train acc", "test acc", "ECE", "agreement",
                "KL(t||s)");
        for (ModelRole role : ModelRole.values()) {
            String net = (role == ModelRole.TEACHER ? c.teacher() : c.student()).describe(inputs, classes);
            long params = role == ModelRole.TEACHER ? r.teacherParameters() : r.studentParameters();
            // without test rows there is nothing to measure on the test set: "-", not 0.0%
            Optional<TestQuality> q = c.test().size() == 0 ? Optional.empty() : r.quality(role);
            out.printf(Locale.ROOT, row, role.name().toLowerCase(Locale.ROOT), net,
                    String.format(Locale.ROOT, "%,d", params), percent(r.trainAccuracy().get(role)),
                    c.test().size() == 0 ? "-" : percent(r.testAccuracy().get(role)),
                    q.map(v -> fixed(v.ece(), 4)).orElse("-"),
                    q.flatMap(TestQuality::fidelity).map(f -> percent(f.agreement())).orElse("-"),
                    q.flatMap(TestQuality::fidelity).map(f -> fixed(f.meanKl(), 4)).orElse("-"));
        }
        out.printf(Locale.ROOT, "device %s; teacher %s; students %.0f ms/epoch (%.3f ms/step)%s; total %.1f s; %s%n",
                r.device(), r.teacherFromCache() ? "reused" : String.format(Locale.ROOT, "%.0f ms/epoch",
                        r.teacherMsPerEpoch()), r.studentMsPerEpoch(), r.studentMsPerStep(),
                r.studentPhaseMsPerStep() > 0 ? String.format(Locale.ROOT,
                        ", %.3f ms/step with the phase's measures", r.studentPhaseMsPerStep()) : "",
                r.totalMillis() / 1000, r.stopReason().name().toLowerCase(Locale.ROOT));
        r.omittedClass().ifPresent(o -> printOmitted(out, o));
        out.flush();
    }

    /** The omitted-class table: test errors of each model before and after the students' bias shift. */
    static void printOmitted(PrintWriter out, OmittedClassResult o) {
        out.printf(Locale.ROOT, "%nomitted class %d (\"%s\"): the students never saw its %d training rows; the teacher"
                        + " predicts it for %d training inputs%n", o.omittedClass(), o.className(),
                o.omittedTrainingRows(), o.teacherPredictions());
        out.printf(Locale.ROOT, "test errors on %d rows, %d of them of class %d; the shift b raises the class's logit"
                + " until a student predicts it as often as the teacher%n", o.testRows(), o.testClassRows(),
                o.omittedClass());
        String row = "%-10s %8s %8s %9s %15s %17s %17s%n";
        out.printf(Locale.ROOT, row, "model", "bias b", "errors", "on class", "errors after b", "on class after b",
                "test acc after b");
        out.printf(Locale.ROOT, row, "teacher", "-", o.teacherTestErrors(), o.teacherClassErrors(), "-", "-", "-");
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            OmittedClassResult.Correction c = o.of(role);
            out.printf(Locale.ROOT, row, role.name().toLowerCase(Locale.ROOT),
                    String.format(Locale.ROOT, "%.3f", c.biasShift()), c.testErrorsBefore(), c.classErrorsBefore(),
                    c.testErrorsAfter(), c.classErrorsAfter(), percent(c.testAccuracyAfter()));
        }
    }

    /** The loss and the weights it uses, e.g. {@code loss=hinton T=4.0 alpha=0.5}. */
    static String lossSettings(RunSettings s) {
        String out = "loss=" + s.loss().id() + " T=" + s.temperature();
        if (s.loss() == LossMethod.DKD) {
            out += " ce_weight=" + s.ceWeight() + " dkd_alpha=" + s.dkdAlpha() + " dkd_beta=" + s.dkdBeta()
                    + " warmup=" + s.dkdWarmupEpochs();
        } else {
            out += " alpha=" + s.alpha();
        }
        return s.teacherLabelSmoothing() > 0 ? out + " teacher_ls=" + s.teacherLabelSmoothing() : out;
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String percent(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
