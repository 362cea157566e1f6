package org.kdplayground.training.timeline;

import org.kdplayground.engine.Phase;

/**
 * How fast a run is shown: a display choice only, the numbers are the same at every speed. The teacher's epochs go at
 * four times the students' pace (the students are what a class watches).
 */
public enum RunSpeed {
    /** One students' epoch a second. */
    ONE_EPOCH_A_SECOND("speed_one_per_second"),
    /** The students' epochs take {@link #NORMAL_STUDENT_SECONDS} in all (at most a second each). */
    NORMAL("speed_normal"),
    /** No waiting at all. */
    FASTEST("speed_fastest");

    /** How long the students' phase lasts at normal speed: with the teacher's quarter-pace phase, 10–20 s a run. */
    static final double NORMAL_STUDENT_SECONDS = 12;
    static final double TEACHER_FACTOR = 4;
    private static final long SECOND = 1_000_000_000L;

    private final String labelKey;

    RunSpeed(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }

    /** Nanoseconds one epoch of {@code phase} lasts at this speed, in a run of {@code studentEpochs} students' epochs. */
    public long epochNanos(Phase phase, int studentEpochs) {
        long students = switch (this) {
            case ONE_EPOCH_A_SECOND -> SECOND;
            case NORMAL -> Math.min(SECOND, Math.round(NORMAL_STUDENT_SECONDS * SECOND / Math.max(1, studentEpochs)));
            case FASTEST -> 0;
        };
        return phase == Phase.TEACHER ? Math.round(students / TEACHER_FACTOR) : students;
    }
}
