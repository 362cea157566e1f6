package org.kdplayground.training;

/** Where the screen's run is. */
enum RunState {
    /** No run yet, or the last one ended: Start is possible. */
    IDLE,
    /** Loading the data and building the networks. */
    PREPARING,
    TRAINING,
    PAUSED,
    /** Stop was pressed; the worker ends at the next step. */
    STOPPING;

    boolean busy() {
        return this != IDLE;
    }
}
