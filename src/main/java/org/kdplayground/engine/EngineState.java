package org.kdplayground.engine;

/** Where the engine is in its start-up. */
public enum EngineState {
    NOT_STARTED, LOADING, READY, FAILED
}
