package org.kdplayground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kdplayground.data.DatasetException;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.NetworkTooLargeException;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.SettingSweep;
import org.kdplayground.engine.SweepAxis;
import org.kdplayground.engine.SweepPlan;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.SweepValueException;
import org.kdplayground.engine.SweptSetting;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kd-playground sweep --config experiment.json --temperatures 1,2,4,8,16}, or any one setting with
 * {@code --vary teacher_hidden --values 16,64,256-256}: trains the students at each value over several seeds and
 * prints test accuracy, agreement with the teacher and ECE against the value with their spread, so a learner sees
 * what the setting changes and how much of a difference is luck. Rows go out as CSV, the summary as a table or JSON.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train the students at several values of one setting (or temperatures and alphas), each",
                "over several seeds, and compare test accuracy, agreement with the teacher and ECE. Seed k shifts",
                "the experiment's run and data seeds by k. Writes one CSV row per (value, seed), then the mean and",
                "sample SD (n-1) per value."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "experiment JSON (version 1)")
    Path config;

    @Option(names = "--temperatures", paramLabel = "T,T,...",
            description = "temperatures to try, each in [0.1, 100], e.g. 1,2,4,8,16")
    String temperatures;

    @Option(names = "--vary", paramLabel = "SETTING",
            description = "the setting to vary instead: T, alpha, loss, dkd_beta (trains with DKD),"
                    + " teacher_label_smoothing, teacher_hidden, student_hidden or labelled_fraction")
    String vary;

    @Option(names = "--values", paramLabel = "V,V,...",
            description = "its values, e.g. 1,2,4,8 or hinton,dkd,lskd or 16,64,256-256 (layers joined by -)")
    String values;

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
        TrainingCommands.refuseOverwritingInput(out, "--out", config, "--config");
        List<SweepAxis> axes = axes();
        if (seeds < 1) {
            throw Numbers.usage("--seeds must be at least 1, got " + seeds);
        }
        SweepPlan plan = plan(axes);
        // The first seed's data now: a file or data problem is one line before the engine starts.
        TrainingCommands.runConfig(plan.experimentFor(plan.seedValues().get(0)));
        SettingSweep sweep = plan.sweep();
        if (noTeacherReuse) {
            sweep = sweep.withTeacherReuse(false);
        }
        TrainingCommands.startEngine();
        CsvFile csv = out == null ? null : CsvFile.open(out);
        RunControl control = new RunControl();
        try (CtrlC ctrlC = new CtrlC(control, "kd-sweep-cancel")) {
            return runAndReport(sweep, plan, control, csv, stdout, stderr);
        }
    }

    /** Runs the sweep, then writes the rows and the summary (the partial ones after Ctrl+C). */
    private int runAndReport(SettingSweep sweep, SweepPlan plan, RunControl control, CsvFile csv,
                             PrintWriter stdout, PrintWriter stderr) {
        SweepResult result;
        try {
            result = run(sweep, new SweepProgress(stderr, !noProgress), control);
        } catch (RuntimeException e) {
            if (csv != null) {
                csv.close();
            }
            throw e;
        }
        if (csv != null) {
            IOException failed = null;
            try {
                SweepTable.writeCsv(csv.writer(), plan.axes(), result.rows());
            } catch (IOException e) {
                failed = e;
            }
            csv.commit(failed);
        }
        if (json) {
            stdout.println(Json.pretty(SweepTable.json(result, plan.seedValues().size())));
        } else {
            if (csv == null) {
                try {
                    SweepTable.writeCsv(stdout, plan.axes(), result.rows());
                } catch (IOException e) {
                    throw new IllegalStateException(e); // a PrintWriter does not throw
                }
                stdout.println();
            }
            SweepTable.printSummary(stdout, plan.axes(), result);
        }
        stdout.flush();
        return switch (result.stopReason()) {
            case COMPLETED -> ExitCodes.OK;
            case CANCELLED -> ExitCodes.CANCELLED;
            case DIVERGED -> throw new CliException(ExitCodes.DIVERGED, result.message());
        };
    }

    /** The swept settings: temperatures (and alphas), or the one {@code --vary} names. */
    private List<SweepAxis> axes() {
        if (vary == null) {
            if (temperatures == null) {
                throw Numbers.usage("give --temperatures, or --vary SETTING with --values");
            }
            if (values != null) {
                throw Numbers.usage("--values goes with --vary SETTING, not with --temperatures");
            }
            List<Float> ts = floats(temperatures, "--temperatures", NumericSetting.TEMPERATURE);
            List<Float> as = alphas == null ? List.of() : floats(alphas, "--alphas", NumericSetting.ALPHA);
            return as.isEmpty() ? List.of(SweepAxis.of(SweptSetting.TEMPERATURE, ts))
                    : List.of(SweepAxis.of(SweptSetting.TEMPERATURE, ts), SweepAxis.of(SweptSetting.ALPHA, as));
        }
        if (temperatures != null || alphas != null) {
            throw Numbers.usage("--vary replaces --temperatures and --alphas: give one or the other");
        }
        if (values == null) {
            throw Numbers.usage("--vary " + vary + " needs --values, e.g. --values 1,2,4");
        }
        SweptSetting setting;
        try {
            setting = SweptSetting.fromKey(vary);
        } catch (IllegalArgumentException e) {
            throw Numbers.usage("--vary: " + e.getMessage());
        }
        try {
            return List.of(SweepAxis.parse(setting, values));
        } catch (SweepValueException e) {
            throw Numbers.usage("--values: " + e.getMessage());
        }
    }

    private SweepPlan plan(List<SweepAxis> axes) {
        Experiment experiment;
        try {
            experiment = runOptions.applyTo(TrainingCommands.readExperiment(config));
        } catch (DatasetException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        try {
            List<SweepAxis> chosen = axes;
            if (axes.size() == 1 && axes.get(0).setting() == SweptSetting.TEMPERATURE) {
                // a temperature sweep lists α beside T, as the loss's other weight
                chosen = List.of(axes.get(0), SweepAxis.of(SweptSetting.ALPHA,
                        List.of(experiment.settings().alpha())));
            }
            return new SweepPlan(experiment, chosen, seeds);
        } catch (IllegalArgumentException e) {
            throw Numbers.usage(e.getMessage());
        }
    }

    /** Runs on this thread until done or cancelled. */
    private static SweepResult run(SettingSweep sweep, SweepProgress progress, RunControl control) {
        try {
            return sweep.run(progress, control);
        } catch (DatasetException | NetworkTooLargeException e) {
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
