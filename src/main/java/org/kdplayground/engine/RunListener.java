package org.kdplayground.engine;

/**
 * Receives a run's metrics. Every method is called on the worker thread that runs the training, between steps:
 * keep them short (hand the values to a buffer the UI drains) and never block in them, or training waits.
 */
public interface RunListener {

    default void runStarted(RunStart start) {
    }

    default void step(StepMetrics metrics) {
    }

    /** At each epoch end; {@code predictor} may be used during this call only. */
    default void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
    }

    default void runEnded(RunResult result) {
    }

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };
}
