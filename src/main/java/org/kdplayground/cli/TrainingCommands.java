package org.kdplayground.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.DatasetException;
import org.kdplayground.engine.DistillationRun;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.NativeAllocator;
import org.kdplayground.engine.NetworkTooLargeException;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunListener;
import org.kdplayground.io.ExperimentException;
import org.kdplayground.io.ExperimentFile;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/** What the commands that train ({@code train}, {@code sweep}) share: reading the experiment, starting the engine. */
final class TrainingCommands {

    private TrainingCommands() {
    }

    /**
     * Refuses an output file that is also an input (the CSV would overwrite the experiment it came from): a USAGE
     * error naming both.
     */
    static void refuseOverwritingInput(Path out, String outOption, Path input, String inputOption) {
        if (out == null || input == null) {
            return;
        }
        boolean same;
        try {
            same = Files.exists(out) && Files.exists(input) ? Files.isSameFile(out, input)
                    : out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
        } catch (IOException e) {
            same = out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
        }
        if (same) {
            throw new CliException(ExitCodes.USAGE, outOption + " " + out + " is the " + inputOption
                    + " file: writing there would overwrite it; choose another file");
        }
    }

    /** The experiment file, or a BAD_INPUT error that names the file and the problem. */
    static Experiment readExperiment(Path file) {
        try {
            return ExperimentFile.read(file);
        } catch (ExperimentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * Starts the engine and trains a run of eight points for one step each: libtorch prints its one deprecation
     * warning at some op of a run's first steps or evaluation, so it is said (and silenced) here rather than in the
     * middle of the progress bar.
     */
    private static void warmUp() {
        NativeAllocator.tune();
        Engine.getInstance();
        float[][] points = new float[8][];
        int[] labels = new int[8];
        for (int i = 0; i < 8; i++) {
            points[i] = new float[] {i % 2, i / 4f};
            labels[i] = i % 2;
        }
        Dataset tiny = new Dataset("warm-up", points, labels, List.of("a", "b"), 0, 0);
        RunConfig config = RunConfig.builder(tiny, tiny).teacher(MlpSpec.of(2)).student(MlpSpec.of(2))
                .settings(s -> s.withEpochs(1).withBatchSize(8)).reuseTeacher(false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            new DistillationRun(config).run(manager, RunListener.NONE, new RunControl());
        }
    }

    /**
     * The experiment's data loaded and its run configured ({@link Experiment#runConfig()}: the command line never shows
     * the data in its own units), or a BAD_INPUT error that says what is wrong.
     */
    static RunConfig runConfig(Experiment experiment) {
        try {
            return experiment.runConfig();
        } catch (DatasetException | NetworkTooLargeException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "invalid experiment: " + e.getMessage());
        }
    }

    /**
     * Loads the engine once up front, so a missing native library is one clear line, not a stack trace. Unless
     * {@code --verbose} was given, what libtorch prints natively while it starts (a deprecation warning, once per
     * process) is silenced with it: the first op that prints it runs here.
     */
    static void startEngine() {
        try {
            if (Cli.verbose()) {
                warmUp();
            } else {
                NativeStderr.silenced(() -> {
                    warmUp();
                    return null;
                });
            }
        } catch (Throwable e) { // native loading fails with Errors (UnsatisfiedLinkError) as well as exceptions
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CliException(ExitCodes.ENGINE_UNAVAILABLE,
                    "the training engine (DJL with PyTorch) could not start: " + why);
        }
    }
}
