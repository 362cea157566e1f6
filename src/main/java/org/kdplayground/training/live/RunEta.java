package org.kdplayground.training.live;

import org.kdplayground.engine.Phase;
import org.kdplayground.engine.RunStart;

/**
 * How long a run has left, from how fast each phase has gone so far. A teacher step and a student step cost very
 * different times (Fashion-MNIST's 1200-1200 teacher about 55 ms, the two 128-128 students together about 6 ms), so
 * counting steps alike overstated the time left four-fold while the teacher trained. During the teacher's phase the
 * students' steps are estimated from the teacher's measured step and a cost model (a fixed cost per network and step,
 * plus one proportional to parameters × batch rows); from the students' first steps on, their own pace is used.
 * Pure: the caller gives the clock's readings.
 */
public final class RunEta {

    /** Fixed cost of one network's step (the engine's per-operation overhead), in parameter-rows. */
    static final double STEP_OVERHEAD = 5e6;

    private final long teacherSteps;
    private final long studentSteps;
    private final boolean teacherReplayed;
    private final double studentToTeacherCost;
    private long firstTeacherAt = -1;
    private long firstTeacherStep;
    private long teacherDone;
    private long firstStudentAt = -1;
    private long firstStudentStep;
    private long studentsDone;
    private long lastAt;

    public RunEta(RunStart start, int teacherEpochs, int studentEpochs, int batchSize) {
        teacherSteps = (long) teacherEpochs * start.teacherStepsPerEpoch();
        studentSteps = (long) studentEpochs * start.studentStepsPerEpoch();
        teacherReplayed = start.teacherFromCache();
        double teacherCost = STEP_OVERHEAD + (double) start.teacherParameters() * batchSize;
        double studentsCost = 2 * (STEP_OVERHEAD + (double) start.studentParameters() * batchSize);
        studentToTeacherCost = studentsCost / teacherCost;
    }

    /** The run's steps, teacher's and students' together: what the progress bar counts. */
    public long totalSteps() {
        return teacherSteps + studentSteps;
    }

    /**
     * The run's latest step, number {@code globalStep} of the run (teacher and student steps counted together, from
     * 1), of {@code phase}, seen at {@code nanos}; steps in between may not have been seen.
     */
    public void step(Phase phase, long globalStep, long nanos) {
        lastAt = nanos;
        if (phase == Phase.TEACHER) {
            if (firstTeacherAt < 0) {
                firstTeacherAt = nanos;
                firstTeacherStep = globalStep;
            }
            teacherDone = globalStep;
        } else {
            if (firstStudentAt < 0) {
                firstStudentAt = nanos;
                firstStudentStep = globalStep - teacherSteps;
            }
            studentsDone = globalStep - teacherSteps;
        }
    }

    /** Seconds left at {@code nanos}, or -1 while too few steps have been timed to say. */
    public long secondsLeft(long nanos) {
        if (studentsDone - firstStudentStep >= Math.max(2, studentSteps / 100)) {
            double perStep = (lastAt - firstStudentAt) / (double) (studentsDone - firstStudentStep);
            return seconds(perStep * (studentSteps - studentsDone) - (nanos - lastAt));
        }
        if (studentsDone > 0 || teacherReplayed || teacherDone - firstTeacherStep < Math.max(2, teacherSteps / 100)) {
            return -1;
        }
        double perStep = (lastAt - firstTeacherAt) / (double) (teacherDone - firstTeacherStep);
        return seconds(perStep * ((teacherSteps - teacherDone) + studentSteps * studentToTeacherCost)
                - (nanos - lastAt));
    }

    private static long seconds(double nanos) {
        return Math.max(0, Math.round(nanos / 1e9));
    }
}
