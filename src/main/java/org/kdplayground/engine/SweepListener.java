package org.kdplayground.engine;

/**
 * Follows a temperature sweep. Every method is called on the thread running the sweep, between runs or (through
 * {@link #runListener}) between steps: keep them short and never block in them.
 */
public interface SweepListener {

    /** Before a run starts. */
    default void runStarting(SweepRun run) {
    }

    /** The listener for the metrics of this run (a per-run progress bar, live charts); none by default. */
    default RunListener runListener(SweepRun run) {
        return RunListener.NONE;
    }

    /** After a run completed; {@code row} is what the sweep keeps of it, {@code result} has the details. */
    default void runFinished(SweepRun run, SweepRow row, RunResult result) {
    }

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {
    };
}
