package org.kdplayground.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The time a paced run waits by: {@link #SYSTEM} in the app; tests inject one whose time they control, so a run paced
 * to last seconds can be checked in a fraction of that.
 */
public interface PaceClock {

    /** The wall clock and a timed wait on the condition. */
    PaceClock SYSTEM = new PaceClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            condition.await(nanos, TimeUnit.NANOSECONDS);
        }
    };

    long nanoTime();

    /**
     * Waits on {@code condition} (its lock held) for at most {@code nanos}, or until it is signalled: a signal means
     * the speed changed, a pause, a step or a cancel, and the waiter looks again.
     */
    void await(Condition condition, long nanos) throws InterruptedException;
}
