package org.kdplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.RunControl;
import org.kdplayground.io.Experiment;

/** What a run sends the screen after each epoch: the views of the models that changed. */
class RunWorkerTest {

    private static List<RunEvent.Epoch> epochs(String json) {
        Queue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
        new RunWorker(Experiment.parse(json), new RunControl(), inbox).call();
        assertThat(inbox).noneMatch(event -> event instanceof RunEvent.Failed);
        return inbox.stream().filter(RunEvent.Epoch.class::isInstance).map(RunEvent.Epoch.class::cast).toList();
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
