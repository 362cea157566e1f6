package org.kdplayground.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's per-thread switch that records every operation for a backward pass. PyTorch starts each thread with it on,
 * except the thread that loaded the engine (DJL turns it off there); a {@link ai.djl.training.GradientCollector} turns
 * it on while it is open and puts back what it found. So a run on the training screen's worker recorded its
 * evaluations, the frozen teacher's targets, the reading of each step's losses and the optimizer's call, and the same
 * run from the command line (on the engine's thread) did not. A run now turns it off on its own thread for its whole
 * length, as a PyTorch user evaluates under {@code torch.no_grad()}: only its steps record, on any thread. Recording
 * changed no number, and no time measurably (docs/performance.md); the point is that a run does the same work wherever
 * it runs.
 */
final class GradMode implements AutoCloseable {

    private final boolean switched;
    private final boolean previous;

    private GradMode(boolean switched, boolean previous) {
        this.switched = switched;
        this.previous = previous;
    }

    /** Recording off on this thread until {@link #close()}, which puts back what was there; nothing for other engines. */
    static GradMode off(Engine engine) {
        if (!"PyTorch".equals(engine.getEngineName())) {
            return new GradMode(false, false);
        }
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return new GradMode(true, previous);
    }

    /** Whether this thread records operations now (PyTorch only; false for other engines). */
    static boolean isOn(Engine engine) {
        return "PyTorch".equals(engine.getEngineName()) && JniUtils.isGradMode();
    }

    @Override
    public void close() {
        if (switched) {
            JniUtils.setGradMode(previous);
        }
    }
}
