package org.kdplayground.training.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.kdplayground.engine.Phase;
import org.kdplayground.engine.RunStart;

import org.junit.jupiter.api.Test;

/** The time left follows each phase's own pace; a teacher step is not counted as a student step. */
class RunEtaTest {

    private static final long MS = 1_000_000L;

    /** Issue 20's Fashion-MNIST run: 3 teacher epochs of 469 steps, 5 student epochs of 469, batch 128. */
    private static RunEta fashionMnist(boolean teacherFromCache) {
        return new RunEta(new RunStart("cpu()", 2_395_210, 118_282, teacherFromCache, 469, 469, 1_200, 60_000), 3, 5,
                128);
    }

    @Test
    void whileTheTeacherTrainsTheStudentsAreEstimatedFromTheirSize() {
        RunEta eta = fashionMnist(false);
        long t = 0;
        for (int step = 1; step <= 100; step++, t += 55 * MS) { // the teacher: 55 ms a step
            eta.step(Phase.TEACHER, step, t);
        }
        t -= 55 * MS;
        long left = eta.secondsLeft(t);
        double teacherLeft = (1407 - 100) * 0.055; // 71.9 s
        // counting every step as a teacher step said 2,345 more steps of 55 ms: 201 s; the students cost about an eighth
        assertThat(left).isBetween(Math.round(teacherLeft + 2345 * 0.005), Math.round(teacherLeft + 2345 * 0.009));
    }

    @Test
    void inTheStudentsPhaseTheirOwnPaceCounts() {
        RunEta eta = fashionMnist(false);
        long t = 0;
        for (int step = 1; step <= 1407; step++, t += 55 * MS) {
            eta.step(Phase.TEACHER, step, t);
        }
        assertThat(eta.secondsLeft(t)).as("no student step yet: estimated from the teacher's pace")
                .isBetween(Math.round(2345 * 0.005), Math.round(2345 * 0.009));
        for (int step = 1408; step <= 1407 + 1000; step += 10, t += 60 * MS) { // 6 ms a step, seen every 10th
            eta.step(Phase.STUDENTS, step, t);
        }
        t -= 60 * MS;
        assertThat(eta.secondsLeft(t)).isEqualTo(Math.round((2345 - 991) * 0.006));
        assertThat(eta.secondsLeft(t + 2_000 * MS)).as("time passes between steps").isEqualTo(
                Math.round((2345 - 991) * 0.006 - 2));
    }

    @Test
    void aReplayedTeacherSaysNothingUntilTheStudentsHaveAPace() {
        RunEta eta = fashionMnist(true);
        for (int step = 1; step <= 1407; step++) {
            eta.step(Phase.TEACHER, step, step * 1000L); // replayed at once
        }
        assertThat(eta.secondsLeft(1_407_000L)).isEqualTo(-1);
        long t = 10 * MS;
        for (int step = 1408; step <= 1407 + 50; step++, t += 5 * MS) {
            eta.step(Phase.STUDENTS, step, t);
        }
        t -= 5 * MS;
        assertThat(eta.secondsLeft(t)).isEqualTo(Math.round((2345 - 50) * 0.005));
    }
}
