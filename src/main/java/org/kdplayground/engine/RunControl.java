package org.kdplayground.engine;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, resume and cancel for a run, safe to call from any thread (e.g. the FX thread). The worker checks it
 * between steps: a paused worker blocks until {@link #resume} or {@link #cancel}. One control per run.
 */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean cancelled;
    private boolean waiting;

    public void pause() {
        lock.lock();
        try {
            paused = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the run at the next step boundary; it ends with {@link RunResult.StopReason#CANCELLED}. */
    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** True while the worker is blocked in a pause (lets a caller know the pause took effect). */
    public boolean isHeld() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the worker between steps: blocks while paused, returns {@code false} once cancelled.
     * An interrupt of the worker counts as a cancel.
     */
    public boolean proceed() {
        lock.lock();
        try {
            while (paused && !cancelled) {
                waiting = true;
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                } finally {
                    waiting = false;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                cancelled = true;
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }
}
