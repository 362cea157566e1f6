package org.kdplayground.training;

/** Where the screen's run is. */
public enum RunState {
    /** No run yet, or the last one ended: Start is possible. */
    IDLE,
    /** Loading the data and building the networks. */
    PREPARING,
    TRAINING,
    PAUSED,
    /** Stop was pressed; the worker ends at the next step. */
    STOPPING;

    public boolean busy() {
        return this != IDLE;
    }
}
