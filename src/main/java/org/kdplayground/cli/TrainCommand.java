package org.kdplayground.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.kdplayground.data.DatasetException;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.io.Experiment;
import org.kdplayground.engine.DistillationRun;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.OmittedClassResult;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunResult;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
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

    @Option(names = "--dataset", paramLabel = "NAME", description = "data set id, e.g. two-moons, digits-8x8")
    String dataset;

    @Option(names = "-T", paramLabel = "T", description = "distillation temperature")
    Float temperature;

    @Option(names = "--alpha", description = "weight of the hard (label) loss, 0..1")
    Float alpha;

    @Option(names = "--epochs", description = "epochs of teacher and students")
    Integer epochs;

    @Option(names = "--teacher-epochs", description = "epochs of the teacher")
    Integer teacherEpochs;

    @Option(names = "--student-epochs", description = "epochs of the students")
    Integer studentEpochs;

    @Option(names = "--seed", description = "seed for weights, labelled subset and batch order")
    Long seed;

    @Option(names = "--transfer", paramLabel = "labelled|all", description = "inputs the soft loss sees")
    String transfer;

    @Option(names = "--lr", description = "Adam learning rate")
    Float learningRate;

    @Option(names = "--batch-size", description = "rows per step")
    Integer batchSize;

    @Option(names = "--labelled-fraction", description = "share of training labels used, (0, 1]")
    Double labelledFraction;

    @Option(names = "--omit-class", paramLabel = "K|none",
            description = "leave class K out of the students' training rows (the teacher still sees it), then"
                    + " correct their bias for it; none: every class")
    String omitClass;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Experiment experiment = TrainingCommands.readExperiment(config);
        RunConfig runConfig = buildConfig(experiment);
        TrainingCommands.startEngine();
        RunControl control = new RunControl();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kd-train-cancel");
        boolean hooked = addHook(hook);
        RunResult result;
        BufferedWriter csv = null;
        try {
            if (out != null) {
                try {
                    csv = Files.newBufferedWriter(out);
                } catch (IOException e) {
                    throw new CliException(ExitCodes.BAD_INPUT, "cannot write " + out + " (" + e.getMessage() + ")");
                }
            }
            TrainReporter reporter = new TrainReporter(stderr, !noProgress, csv, runConfig.teacherEpochs(),
                    runConfig.studentEpochs(), runConfig.omitsAClass());
            try (NDManager manager = NDManager.newBaseManager()) {
                result = new DistillationRun(runConfig).run(manager, reporter, control);
            } finally {
                reporter.finish();
                finished.countDown();
            }
            if (csv != null) {
                try {
                    csv.close();
                } catch (IOException e) {
                    throw new CliException(ExitCodes.FAILURE, "cannot write " + out + " (" + e.getMessage() + ")");
                }
                if (reporter.csvError() != null) {
                    throw new CliException(ExitCodes.FAILURE, "cannot write " + out + " ("
                            + reporter.csvError().getMessage() + ")");
                }
            }
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running
                }
            }
        }
        printTable(stdout, runConfig, result);
        return switch (result.stopReason()) {
            case COMPLETED -> ExitCodes.OK;
            case CANCELLED -> ExitCodes.CANCELLED;
            case DIVERGED -> throw new CliException(ExitCodes.DIVERGED, result.message());
        };
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    RunConfig buildConfig(Experiment e) {
        try {
            Experiment.Builder b = e.toBuilder();
            if (dataset != null) {
                // another data set: its own preset networks, sizes and noise; the file's data seed
                b.dataset(DatasetSpec.of(dataset).withSeed(e.dataset().seed())).teacher(null).student(null);
            }
            if (labelledFraction != null) {
                b.labelledFraction(labelledFraction);
            }
            if (temperature != null) {
                b.temperature(temperature);
            }
            if (alpha != null) {
                b.alpha(alpha);
            }
            if (learningRate != null) {
                b.learningRate(learningRate);
            }
            b.teacherEpochs(firstOf(teacherEpochs, epochs, e.teacherEpochs()));
            b.studentEpochs(firstOf(studentEpochs, epochs, e.studentEpochs()));
            if (batchSize != null) {
                b.batchSize(batchSize);
            }
            if (transfer != null) {
                b.transferSet(Experiment.transfer(transfer));
            }
            if (seed != null) {
                b.seed(seed);
            }
            if (omitClass != null) {
                b.omittedClass(omittedClass(omitClass, b.build().dataset()));
            }
            return b.build().prepare().config();
        } catch (DatasetException ex) {
            throw new CliException(ExitCodes.BAD_INPUT, ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw new CliException(ExitCodes.BAD_INPUT, "invalid experiment: " + ex.getMessage());
        }
    }

    /** {@code --omit-class}: a class number of the data set, or none. */
    static int omittedClass(String text, DatasetSpec data) {
        String value = text.trim();
        if (value.equalsIgnoreCase("none")) {
            return RunConfig.NO_OMITTED_CLASS;
        }
        int classes = data.k();
        int k;
        try {
            k = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Numbers.usage("'" + value + "' is not a class in --omit-class: give a class number, 0 to "
                    + (classes - 1) + ", or none");
        }
        if (k < 0 || k >= classes) {
            throw Numbers.usage("--omit-class " + k + " is not a class of " + data.name() + ": give 0 to "
                    + (classes - 1) + ", or none");
        }
        return k;
    }

    private static int firstOf(Integer specific, Integer general, int fallback) {
        return specific != null ? specific : general != null ? general : fallback;
    }

    static void printTable(PrintWriter out, RunConfig c, RunResult r) {
        int inputs = c.train().featureCount();
        int classes = c.train().classCount();
        out.printf(Locale.ROOT, "%n%s: %d training rows (%d labelled), %d test rows; T=%s alpha=%s lr=%s "
                        + "transfer=%s seed=%d%n", c.train().name(), c.train().size(),
                c.labelledRows() == null ? c.train().size() : c.labelledRows().length, c.test().size(),
                c.temperature(), c.alpha(), c.learningRate(), c.transferSet().name().toLowerCase(Locale.ROOT),
                c.seed());
        out.printf(Locale.ROOT, "%-10s %-26s %10s %10s %10s%n", "model", "network", "parameters", "train acc",
                "test acc");
        for (ModelRole role : ModelRole.values()) {
            String net = (role == ModelRole.TEACHER ? c.teacher() : c.student()).describe(inputs, classes);
            long params = role == ModelRole.TEACHER ? r.teacherParameters() : r.studentParameters();
            out.printf(Locale.ROOT, "%-10s %-26s %,10d %10s %10s%n", role.name().toLowerCase(Locale.ROOT), net,
                    params, percent(r.trainAccuracy().get(role)), percent(r.testAccuracy().get(role)));
        }
        out.printf(Locale.ROOT, "device %s; teacher %s; students %.0f ms/epoch (%.3f ms/step); total %.1f s; %s%n",
                r.device(), r.teacherFromCache() ? "reused" : String.format(Locale.ROOT, "%.0f ms/epoch",
                        r.teacherMsPerEpoch()), r.studentMsPerEpoch(), r.studentMsPerStep(),
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

    private static String percent(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
