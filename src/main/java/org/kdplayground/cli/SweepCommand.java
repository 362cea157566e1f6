package org.kdplayground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kdplayground.data.DatasetException;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.SweepPlan;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.TemperatureSweep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kd-playground sweep --config experiment.json --temperatures 1,2,4,8,16}: trains the distilled student at
 * each temperature (and α) over several seeds and prints test accuracy against T with its spread, so a learner sees
 * which T helps and how much of a difference is luck. Rows go out as CSV, the summary as a table or JSON.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train the distilled student at several temperatures (and alphas), each over several seeds,",
                "and compare its test accuracy with the baseline's. Seed k shifts the experiment's run and data",
                "seeds by k. Writes one CSV row per (T, alpha, seed), then the mean and sample SD (n-1) per",
                "(T, alpha)."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "experiment JSON (version 1)")
    Path config;

    @Option(names = "--temperatures", required = true, paramLabel = "T,T,...",
            description = "temperatures to try, each > 0, e.g. 1,2,4,8,16")
    String temperatures;

    @Option(names = "--alphas", paramLabel = "A,A,...",
            description = "weights of the hard loss to try, each in [0, 1] (default: the experiment's)")
    String alphas;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "seeds per setting (default 3)")
    int seeds;

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "write the rows as CSV here instead of stdout")
    Path out;

    @Option(names = "--json", description = "print the rows and summary as JSON instead of CSV and a table")
    boolean json;

    @Option(names = "--no-teacher-reuse", description = "train the teacher again in every run (to measure what"
            + " reusing it saves)")
    boolean noTeacherReuse;

    @Option(names = "--no-progress", description = "no progress lines on stderr")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Float> ts = floats(temperatures, "--temperatures", NumericSetting.TEMPERATURE);
        List<Float> as = alphas == null ? List.of() : floats(alphas, "--alphas", NumericSetting.ALPHA);
        if (seeds < 1) {
            throw Numbers.usage("--seeds must be at least 1, got " + seeds);
        }
        SweepPlan plan = plan(ts, as);
        // The first seed's data now: a file or data problem is one line before the engine starts.
        TrainingCommands.prepare(plan.experimentFor(plan.seedValues().get(0)));
        TemperatureSweep sweep = plan.sweep();
        if (noTeacherReuse) {
            sweep = sweep.withTeacherReuse(false);
        }
        TrainingCommands.startEngine();
        Writer csv = null;
        if (out != null) {
            try {
                csv = Files.newBufferedWriter(out);
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "cannot write " + out + " (" + e.getMessage() + ")");
            }
        }
        RunControl control = new RunControl();
        try (CtrlC ctrlC = new CtrlC(control, "kd-sweep-cancel")) {
            return runAndReport(sweep, plan, control, csv, stdout, stderr);
        }
    }

    /** Runs the sweep, then writes the rows and the summary (the partial ones after Ctrl+C). */
    private int runAndReport(TemperatureSweep sweep, SweepPlan plan, RunControl control, Writer csv,
                             PrintWriter stdout, PrintWriter stderr) {
        SweepResult result;
        try {
            result = run(sweep, new SweepProgress(stderr, !noProgress), control);
        } catch (RuntimeException e) {
            closeQuietly(csv);
            throw e;
        }
        if (csv != null) {
            try (Writer w = csv) {
                SweepTable.writeCsv(w, result.rows());
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILURE, "cannot write " + out + " (" + e.getMessage() + ")");
            }
        }
        if (json) {
            stdout.println(Json.pretty(SweepTable.json(result, plan.seedValues().size())));
        } else {
            if (csv == null) {
                try {
                    SweepTable.writeCsv(stdout, result.rows());
                } catch (IOException e) {
                    throw new IllegalStateException(e); // a PrintWriter does not throw
                }
                stdout.println();
            }
            SweepTable.printSummary(stdout, result);
        }
        stdout.flush();
        return switch (result.stopReason()) {
            case COMPLETED -> ExitCodes.OK;
            case CANCELLED -> ExitCodes.CANCELLED;
            case DIVERGED -> throw new CliException(ExitCodes.DIVERGED, result.message());
        };
    }

    private static void closeQuietly(Writer w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException ignored) {
                // the error that brought us here is the one to report
            }
        }
    }

    private SweepPlan plan(List<Float> ts, List<Float> as) {
        Experiment experiment;
        try {
            experiment = runOptions.applyTo(TrainingCommands.readExperiment(config));
        } catch (DatasetException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        try {
            return new SweepPlan(experiment, ts, as, seeds);
        } catch (IllegalArgumentException e) {
            throw Numbers.usage(e.getMessage());
        }
    }

    /** Runs on this thread until done or cancelled. */
    private static SweepResult run(TemperatureSweep sweep, SweepProgress progress, RunControl control) {
        try {
            return sweep.run(progress, control);
        } catch (DatasetException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "invalid experiment: " + e.getMessage());
        } finally {
            progress.finish();
        }
    }

    /** A list of a setting's values, each in its range, none twice. */
    private static List<Float> floats(String text, String option, NumericSetting setting) {
        List<Float> out = new ArrayList<>();
        for (double v : Numbers.parseList(text, option)) {
            if (!setting.range().contains(v)) {
                throw Numbers.usage(option + " must each be in " + setting.range().describe() + ", got "
                        + SweepTable.plain((float) v));
            }
            float f = (float) v;
            if (out.contains(f)) {
                throw Numbers.usage(SweepTable.plain(f) + " appears twice in " + option);
            }
            out.add(f);
        }
        return out;
    }
}
