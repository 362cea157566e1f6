package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;

import org.junit.jupiter.api.Test;

/** The run's pace and Step: waits that never spin, a speed change or a cancel that ends a wait, one epoch a Step. */
class RunControlPaceTest {

    private static final long SECOND = 1_000_000_000L;

    /** Time that passes only by waiting: each wait moves it on by what was asked, at once. */
    private static final class VirtualClock implements PaceClock {
        long now;
        int waits;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void await(Condition condition, long nanos) {
            waits++;
            now += nanos;
        }
    }

    /** Time that stands still: a wait lasts until the condition is signalled. */
    private static final class FrozenClock implements PaceClock {
        final AtomicInteger waits = new AtomicInteger();

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            waits.incrementAndGet();
            condition.await();
        }
    }

    @Test
    void eachPacedStepWaitsOnceForItsShareOfTheEpoch() {
        VirtualClock clock = new VirtualClock();
        RunControl control = new RunControl(clock);
        control.setEpochNanos(SECOND / 4, SECOND);
        for (int step = 0; step < 11; step++) {
            assertThat(control.pace(Phase.STUDENTS, 10)).isTrue();
        }
        assertThat(clock.waits).as("one wait per step after the first, no polling").isEqualTo(10);
        assertThat(clock.now).isEqualTo(SECOND);
        for (int step = 0; step < 10; step++) {
            control.pace(Phase.TEACHER, 10);
        }
        assertThat(clock.now).as("the teacher's epochs at their own pace").isEqualTo(SECOND + SECOND / 4);
    }

    @Test
    void asFastAsPossibleNeverWaits() {
        VirtualClock clock = new VirtualClock();
        RunControl control = new RunControl(clock);
        for (int step = 0; step < 100; step++) {
            control.pace(Phase.TEACHER, 3);
        }
        assertThat(clock.waits).isZero();
        assertThat(clock.now).isZero();
    }

    @Test
    void aSpeedChangeEndsAWaitAtOnce() throws Exception {
        FrozenClock clock = new FrozenClock();
        RunControl control = new RunControl(clock);
        control.setEpochNanos(SECOND, SECOND);
        control.pace(Phase.STUDENTS, 1);
        AtomicBoolean result = new AtomicBoolean();
        Thread worker = new Thread(() -> result.set(control.pace(Phase.STUDENTS, 1)));
        worker.start();
        awaitPacing(control);
        control.setEpochNanos(0, 0);
        worker.join(10_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(result.get()).isTrue();
        assertThat(clock.waits.get()).isEqualTo(1);
    }

    @Test
    void aCancelEndsAWaitAtOnce() throws Exception {
        FrozenClock clock = new FrozenClock();
        RunControl control = new RunControl(clock);
        control.setEpochNanos(SECOND, SECOND);
        control.pace(Phase.TEACHER, 1);
        AtomicBoolean result = new AtomicBoolean(true);
        Thread worker = new Thread(() -> result.set(control.pace(Phase.TEACHER, 1)));
        worker.start();
        awaitPacing(control);
        control.cancel();
        worker.join(10_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(result.get()).isFalse();
    }

    @Test
    void aStepWhilePausedRunsTheRestOfTheEpochUnpacedThenHolds() throws Exception {
        VirtualClock clock = new VirtualClock();
        RunControl control = new RunControl(clock);
        control.setEpochNanos(SECOND, SECOND);
        control.pause();
        control.stepEpoch();
        for (int step = 0; step < 5; step++) {
            assertThat(control.proceed()).isTrue();
            assertThat(control.pace(Phase.STUDENTS, 5)).isTrue();
        }
        assertThat(clock.waits).as("a Step is not paced").isZero();
        control.epochEnded();
        assertHoldsAtTheNextStep(control);
    }

    @Test
    void aBatchStepLetsExactlyOneStepRun() throws Exception {
        RunControl control = new RunControl();
        control.pause();
        control.stepBatch();
        assertThat(control.proceed()).isTrue();
        assertHoldsAtTheNextStep(control);
    }

    @Test
    void stepsDoNothingWhileRunning() {
        RunControl control = new RunControl();
        control.stepEpoch();
        control.stepBatch();
        control.pause();
        Thread worker = new Thread(control::proceed);
        worker.start();
        try {
            awaitHeld(control);
        } finally {
            control.cancel();
        }
    }

    private static void assertHoldsAtTheNextStep(RunControl control) throws InterruptedException {
        AtomicBoolean result = new AtomicBoolean(true);
        Thread worker = new Thread(() -> result.set(control.proceed()));
        worker.start();
        awaitHeld(control);
        control.cancel();
        worker.join(10_000);
        assertThat(result.get()).isFalse();
    }

    private static void awaitHeld(RunControl control) {
        while (!control.isHeld()) {
            Thread.onSpinWait();
        }
    }

    private static void awaitPacing(RunControl control) {
        while (!control.isPacing()) {
            Thread.onSpinWait();
        }
    }
}
