package org.kdplayground.engine;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, resume, step and cancel for a run, and its pace, safe to call from any thread (e.g. the FX thread). The
 * worker checks it between steps: a paused worker blocks until {@link #resume}, {@link #stepEpoch}, {@link #stepBatch}
 * or {@link #cancel}. A paced worker waits (never spins) after each step until the step's share of an epoch's time has
 * passed; the pace is a display choice and changes nothing the run computes. One control per run.
 */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PaceClock clock;
    private boolean paused;
    private boolean cancelled;
    private boolean waiting;
    /** While paused: the rest of the epoch in progress may run (Step), then the run holds again. */
    private boolean epochGranted;
    /** While paused: this many more steps may run (one batch step at a time). */
    private int batchesGranted;
    /** Nanoseconds an epoch of each phase takes at the chosen pace; 0 for as fast as possible. */
    private long teacherEpochNanos;
    private long studentEpochNanos;
    /** When the last paced step was due (the clock's time); the next one is due a step's share of an epoch later. */
    private long pacedUntil = Long.MIN_VALUE;
    private boolean pacing;
    /** Wall-clock nanoseconds the worker spent held (paused or paced), so timings can leave them out. */
    private long heldNanos;

    public RunControl() {
        this(PaceClock.SYSTEM);
    }

    /** A control whose pacing waits by {@code clock} (tests inject their own). */
    public RunControl(PaceClock clock) {
        this.clock = java.util.Objects.requireNonNull(clock);
    }

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
            epochGranted = false;
            batchesGranted = 0;
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

    /** While paused: lets the rest of the epoch in progress run, then holds again ({@link #epochEnded}). */
    public void stepEpoch() {
        lock.lock();
        try {
            if (paused) {
                epochGranted = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** While paused: lets one more step (batch) run, then holds again. */
    public void stepBatch() {
        lock.lock();
        try {
            if (paused) {
                batchesGranted++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The worker ended an epoch: a Step that let it run is used up, and the run holds before the next step. */
    public void epochEnded() {
        lock.lock();
        try {
            epochGranted = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The pace: how long an epoch of each phase takes at least, in nanoseconds (0: as fast as possible). Takes effect
     * at once, also for a step already waiting.
     */
    public void setEpochNanos(long teacher, long students) {
        if (teacher < 0 || students < 0) {
            throw new IllegalArgumentException("negative pace: " + teacher + ", " + students);
        }
        lock.lock();
        try {
            teacherEpochNanos = teacher;
            studentEpochNanos = students;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True while the worker waits for its pace (lets a test know the wait began). */
    public boolean isPacing() {
        lock.lock();
        try {
            return pacing;
        } finally {
            lock.unlock();
        }
    }

    /** Wall-clock nanoseconds the worker has been held so far, by pauses and by its pace. */
    public long heldNanos() {
        lock.lock();
        try {
            return heldNanos;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the worker after a step of {@code phase}, whose epochs have {@code stepsPerEpoch} steps: waits until
     * the step's share of an epoch's time at the chosen pace has passed since the previous step was due (a slow step
     * uses up its own share). A pace change or a cancel ends the wait at once; a step granted while paused is not
     * paced. Returns {@code false} once cancelled.
     */
    public boolean pace(Phase phase, int stepsPerEpoch) {
        lock.lock();
        long heldFrom = System.nanoTime();
        try {
            pacing = true;
            while (!cancelled && !paused) {
                long perStep = (phase == Phase.TEACHER ? teacherEpochNanos : studentEpochNanos)
                        / Math.max(1, stepsPerEpoch);
                long now = clock.nanoTime();
                long left = pacedUntil == Long.MIN_VALUE ? 0 : pacedUntil + perStep - now;
                if (perStep == 0 || left <= 0) {
                    pacedUntil = now; // the first step, no pace, or the step's share has passed
                    break;
                }
                try {
                    clock.await(changed, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
            return !cancelled;
        } finally {
            pacing = false;
            heldNanos += System.nanoTime() - heldFrom;
            lock.unlock();
        }
    }

    /**
     * Called by the worker between steps: blocks while paused (unless a Step lets it go on), returns {@code false}
     * once cancelled. An interrupt of the worker counts as a cancel.
     */
    public boolean proceed() {
        lock.lock();
        long heldFrom = System.nanoTime();
        try {
            boolean held = false;
            while (paused && !cancelled && !epochGranted && batchesGranted == 0) {
                waiting = true;
                held = true;
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                } finally {
                    waiting = false;
                }
            }
            if (paused && !epochGranted && batchesGranted > 0) {
                batchesGranted--;
            }
            if (held) {
                pacedUntil = Long.MIN_VALUE; // after a pause, the pace starts afresh
            }
            if (Thread.currentThread().isInterrupted()) {
                cancelled = true;
            }
            return !cancelled;
        } finally {
            heldNanos += System.nanoTime() - heldFrom;
            lock.unlock();
        }
    }
}
