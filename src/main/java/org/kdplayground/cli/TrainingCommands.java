package org.kdplayground.cli;

import java.nio.file.Path;

import org.kdplayground.data.DatasetException;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.PreparedRun;
import org.kdplayground.io.ExperimentException;
import org.kdplayground.io.ExperimentFile;

import ai.djl.engine.Engine;

/** What the commands that train ({@code train}, {@code sweep}) share: reading the experiment, starting the engine. */
final class TrainingCommands {

    private TrainingCommands() {
    }

    /** The experiment file, or a BAD_INPUT error that names the file and the problem. */
    static Experiment readExperiment(Path file) {
        try {
            return ExperimentFile.read(file);
        } catch (ExperimentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    /** The experiment's data loaded and its run configured, or a BAD_INPUT error that says what is wrong. */
    static PreparedRun prepare(Experiment experiment) {
        try {
            return experiment.prepare();
        } catch (DatasetException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "invalid experiment: " + e.getMessage());
        }
    }

    /** Loads the engine once up front, so a missing native library is one clear line, not a stack trace. */
    static void startEngine() {
        try {
            Engine.getInstance();
        } catch (Throwable e) { // native loading fails with Errors (UnsatisfiedLinkError) as well as exceptions
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CliException(ExitCodes.ENGINE_UNAVAILABLE,
                    "the training engine (DJL with PyTorch) could not start: " + why);
        }
    }
}
