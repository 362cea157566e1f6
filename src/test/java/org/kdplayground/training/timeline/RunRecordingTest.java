package org.kdplayground.training.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.kdplayground.engine.EpochMetrics;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.training.live.RunEvent;
import org.kdplayground.training.live.RunWorker;

import org.junit.jupiter.api.Test;

/** A run's replay store: a snapshot per epoch within a byte budget, thinned beyond it, and the same pictures. */
class RunRecordingTest {

    private static final int TEACHER_EPOCHS = 4;
    private final Random random = new Random(7);
    private long globalStep;

    private RunEvent.Prepared prepared(int studentEpochs) {
        return new RunEvent.Prepared(null, null, new double[] {0, 1, 0, 1}, RunWorker.GRID, List.of("a", "b"),
                TEACHER_EPOCHS, studentEpochs, new int[0], null);
    }

    private RunEvent.Boundary boundary() {
        int cells = RunWorker.GRID * RunWorker.GRID;
        int[] winner = new int[cells];
        float[] confidence = new float[cells];
        for (int i = 0; i < cells; i++) {
            winner[i] = random.nextInt(3);
            confidence[i] = 0.34f + 0.66f * random.nextFloat();
        }
        return new RunEvent.Boundary(RunWorker.GRID, winner, confidence);
    }

    /** Records the teacher's epochs (one picture each) and then the students' (two each), a step before each. */
    private void recordRun(RunRecording recording, int studentEpochs) {
        recording.record(prepared(studentEpochs));
        for (int e = 1; e <= TEACHER_EPOCHS + studentEpochs; e++) {
            boolean teacher = e <= TEACHER_EPOCHS;
            recording.record(new RunEvent.Step(new StepMetrics.TeacherStep(e, 1, ++globalStep, 1f)));
            Map<ModelRole, RunEvent.Boundary> pictures = new EnumMap<>(ModelRole.class);
            if (teacher) {
                pictures.put(ModelRole.TEACHER, boundary());
            } else {
                pictures.put(ModelRole.DISTILLED, boundary());
                pictures.put(ModelRole.BASELINE, boundary());
            }
            recording.record(new RunEvent.Epoch(new EpochMetrics(teacher ? Phase.TEACHER : Phase.STUDENTS,
                    teacher ? e : e - TEACHER_EPOCHS, Map.of(), Map.of(), 1), pictures, Map.of(), Map.of()));
        }
    }

    @Test
    void eachEpochIsKeptWithinTheBudgetAndShowsThePicturesTheScreenDrew() {
        RunRecording recording = new RunRecording();
        recording.record(prepared(3));
        RunEvent.Boundary teacher = boundary();
        RunEvent.Epoch shown = (RunEvent.Epoch) recording.record(new RunEvent.Epoch(
                new EpochMetrics(Phase.TEACHER, 1, Map.of(), Map.of(), 1), Map.of(ModelRole.TEACHER, teacher),
                Map.of(), Map.of()));
        RunEvent.Boundary drawn = shown.boundaries().get(ModelRole.TEACHER);
        assertThat(drawn.winner()).isEqualTo(teacher.winner());
        for (int i = 0; i < teacher.confidence().length; i++) {
            assertThat(drawn.confidence()[i]).isCloseTo(teacher.confidence()[i], org.assertj.core.data.Offset
                    .offset(1e-5f));
        }
        var replayed = recording.at(1).pictures().boundaries().get(ModelRole.TEACHER);
        assertThat(replayed.winner()).isEqualTo(drawn.winner());
        assertThat(replayed.confidence()).isEqualTo(drawn.confidence());
    }

    @Test
    void aTwoDimensionalSnapshotHoldsThreeBytesACellAndARunWithinTheBudgetKeepsEveryEpoch() {
        RunRecording recording = new RunRecording();
        recordRun(recording, 30);
        assertThat(recording.size()).isEqualTo(34);
        assertThat(recording.stride()).isEqualTo(1);
        long cell = CompactBoundary.of(boundary()).bytes() / (RunWorker.GRID * RunWorker.GRID);
        assertThat(cell).isEqualTo(3);
        assertThat(recording.bytes()).isLessThan(RunRecording.DEFAULT_BUDGET);
        EpochSnapshot students = recording.at(TEACHER_EPOCHS + 5);
        assertThat(students.boundaries()).containsOnlyKeys(ModelRole.TEACHER, ModelRole.DISTILLED,
                ModelRole.BASELINE);
        assertThat(students.boundaries().get(ModelRole.TEACHER))
                .as("the frozen teacher's picture is shared, not copied")
                .isSameAs(recording.at(TEACHER_EPOCHS).boundaries().get(ModelRole.TEACHER));
    }

    @Test
    void beyondTheBudgetEverySecondEpochThenEveryFourthIsKeptWithTheFirstAndTheNewest() {
        long perStudentEpoch = 2 * CompactBoundary.of(boundary()).bytes() + EpochSnapshot.METRICS_BYTES;
        RunRecording recording = new RunRecording(20 * perStudentEpoch, RunRecording.MAX_STEPS);
        recordRun(recording, 60);
        assertThat(recording.bytes()).isLessThanOrEqualTo(20 * perStudentEpoch);
        assertThat(recording.stride()).isGreaterThanOrEqualTo(4);
        assertThat(recording.at(1).index()).isEqualTo(1);
        assertThat(recording.at(TEACHER_EPOCHS + 60).index()).as("the newest").isEqualTo(TEACHER_EPOCHS + 60);
        int stride = recording.stride();
        assertThat(recording.at(1 + stride + 1).index()).as("an epoch thinned out shows the one before")
                .isEqualTo(1 + stride);
        assertThat(recording.newest()).isEqualTo(TEACHER_EPOCHS + 60);
    }

    @Test
    void stepsBeyondTheirCapAreThinnedAndTheRunComesBackInOrder() {
        RunRecording recording = new RunRecording(RunRecording.DEFAULT_BUDGET, 10);
        recordRun(recording, 20);
        assertThat(recording.stepCount()).isLessThanOrEqualTo(10);
        List<RunEvent> events = recording.events();
        assertThat(events.get(0)).isInstanceOf(RunEvent.Prepared.class);
        assertThat(events.stream().filter(e -> e instanceof RunEvent.Epoch)).hasSize(24);
        long last = 0;
        for (RunEvent event : events) {
            if (event instanceof RunEvent.Step s) {
                assertThat(s.metrics().globalStep()).isGreaterThan(last);
                last = s.metrics().globalStep();
            }
        }
    }

    @Test
    void normalSpeedPacesTheStudentsToTwelveSecondsAndTheTeacherFourTimesAsFast() {
        assertThat(RunSpeed.NORMAL.epochNanos(Phase.STUDENTS, 30) * 30).isEqualTo(12_000_000_000L);
        assertThat(RunSpeed.NORMAL.epochNanos(Phase.TEACHER, 30) * 4).isEqualTo(RunSpeed.NORMAL.epochNanos(
                Phase.STUDENTS, 30));
        assertThat(RunSpeed.NORMAL.epochNanos(Phase.STUDENTS, 3)).as("never slower than one a second")
                .isEqualTo(1_000_000_000L);
        assertThat(RunSpeed.FASTEST.epochNanos(Phase.STUDENTS, 30)).isZero();
        assertThat(RunSpeed.ONE_EPOCH_A_SECOND.epochNanos(Phase.STUDENTS, 500)).isEqualTo(1_000_000_000L);
    }
}
