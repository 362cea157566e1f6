package org.kdplayground.training.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.RunControl;
import org.kdplayground.io.ExperimentFile;

import org.junit.jupiter.api.Test;

/** What a run sends the screen after each epoch: the views of the models that changed. */
class RunWorkerTest {

    private static List<RunEvent.Epoch> epochs(String json) {
        Queue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
        new RunWorker(ExperimentFile.parse(json), new RunControl(), inbox).call();
        assertThat(inbox).noneMatch(event -> event instanceof RunEvent.Failed);
        return inbox.stream().filter(RunEvent.Epoch.class::isInstance).map(RunEvent.Epoch.class::cast).toList();
    }

    @Test
    void aHeatmapCellIsItsWinningClassAndThatClasssSoftmaxProbability() {
        java.util.Random random = new java.util.Random(11);
        int rows = 500;
        float[] logits = new float[rows * 3];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 6);
        }
        logits[0] = 2f; // a tie goes to the lowest class, as torch.argmax
        logits[1] = 2f;
        logits[2] = -1f;
        logits[3] = 90f; // large logits stay finite
        logits[4] = -90f;
        logits[5] = 89f;
        double[][] p = new double[rows][];
        for (int r = 0; r < rows; r++) {
            p[r] = org.kdplayground.math.Softmax.softmax(
                    new double[] {logits[r * 3], logits[r * 3 + 1], logits[r * 3 + 2]}, 1.0);
        }

        RunEvent.Boundary boundary = RunWorker.boundary(logits, rows);

        assertThat(boundary.size()).isEqualTo(RunWorker.GRID);
        assertThat(boundary.winner()[0]).isZero();
        assertThat(boundary.confidence()[0]).isEqualTo((float) p[0][0]).isBetween(0.48f, 0.49f);
        assertThat(boundary.winner()[1]).isZero();
        assertThat(boundary.confidence()[1]).isEqualTo((float) p[1][0]).isBetween(0.73f, 0.74f);
        for (int r = 0; r < rows; r++) {
            int w = boundary.winner()[r];
            assertThat(p[r][w]).as("row %d", r).isGreaterThanOrEqualTo(p[r][(w + 1) % 3])
                    .isGreaterThanOrEqualTo(p[r][(w + 2) % 3]);
            assertThat(boundary.confidence()[r]).as("row %d", r).isEqualTo((float) p[r][w]);
        }
    }

    @Test
    void theFrozenTeachersBoundaryIsSentWithTheFirstStudentsEpochOnly() {
        List<RunEvent.Epoch> epochs = epochs("""
                {"version": 1, "dataset": {"name": "two-moons", "size": 160, "seed": 3},
                 "teacherEpochs": 2, "studentEpochs": 3, "batchSize": 32, "seed": 5}
                """);
        assertThat(epochs).hasSize(5);
        for (RunEvent.Epoch epoch : epochs.subList(0, 2)) {
            assertThat(epoch.metrics().phase()).isEqualTo(Phase.TEACHER);
            assertThat(epoch.boundaries()).containsOnlyKeys(ModelRole.TEACHER);
        }
        assertThat(epochs.get(2).metrics().phase()).isEqualTo(Phase.STUDENTS);
        assertThat(epochs.get(2).boundaries()).containsOnlyKeys(ModelRole.values());
        for (RunEvent.Epoch epoch : epochs.subList(3, 5)) {
            assertThat(epoch.boundaries()).containsOnlyKeys(ModelRole.DISTILLED, ModelRole.BASELINE);
        }
        // the students' views are new every epoch
        assertThat(epochs.get(4).boundaries().get(ModelRole.DISTILLED))
                .isNotSameAs(epochs.get(3).boundaries().get(ModelRole.DISTILLED));
    }

    @Test
    void theFrozenTeachersConfusionMatrixAndExamplesAreSentWithTheFirstStudentsEpochOnly() {
        List<RunEvent.Epoch> epochs = epochs("""
                {"version": 1, "dataset": {"name": "digits-8x8", "size": 300},
                 "teacher": {"hidden": [32]}, "student": {"hidden": [8]},
                 "teacherEpochs": 1, "studentEpochs": 3, "batchSize": 64, "seed": 5}
                """);
        assertThat(epochs).hasSize(4);
        assertThat(epochs.get(0).confusion()).containsOnlyKeys(ModelRole.TEACHER);
        assertThat(epochs.get(0).stripLogits()).containsOnlyKeys(ModelRole.TEACHER);
        assertThat(epochs.get(1).confusion()).containsOnlyKeys(ModelRole.values());
        assertThat(epochs.get(1).stripLogits()).containsOnlyKeys(ModelRole.values());
        for (RunEvent.Epoch epoch : epochs.subList(2, 4)) {
            assertThat(epoch.confusion()).containsOnlyKeys(ModelRole.DISTILLED, ModelRole.BASELINE);
            assertThat(epoch.stripLogits()).containsOnlyKeys(ModelRole.DISTILLED, ModelRole.BASELINE);
        }
    }
}
