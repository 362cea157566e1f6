package org.kdplayground.training.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedrawThrottleTest {

    private static final long MS = 1_000_000;

    @Test
    void eventsEveryFrameRedrawEverySecondFrame() {
        RedrawThrottle throttle = new RedrawThrottle(25 * MS);
        List<Integer> redrawn = new ArrayList<>();
        for (int frame = 0; frame < 12; frame++) {
            if (throttle.redraw(Math.round(frame * 16.7 * MS), true, false)) {
                redrawn.add(frame);
            }
        }
        assertThat(redrawn).containsExactly(0, 2, 4, 6, 8, 10);
    }

    @Test
    void aMilestoneShowsAtOnce() {
        RedrawThrottle throttle = new RedrawThrottle(25 * MS);
        assertThat(throttle.redraw(0, true, false)).isTrue();
        assertThat(throttle.redraw(5 * MS, true, false)).isFalse();
        assertThat(throttle.redraw(10 * MS, true, true)).as("the run ended").isTrue();
    }

    @Test
    void aHeldBackChangeShowsOnceThePeriodHasPassedWithoutNewEvents() {
        RedrawThrottle throttle = new RedrawThrottle(25 * MS);
        assertThat(throttle.redraw(0, true, false)).isTrue();
        assertThat(throttle.redraw(10 * MS, true, false)).isFalse();
        assertThat(throttle.redraw(20 * MS, false, false)).isFalse();
        assertThat(throttle.redraw(30 * MS, false, false)).as("the change at 10 ms").isTrue();
        assertThat(throttle.redraw(60 * MS, false, false)).as("nothing new").isFalse();
    }
}
