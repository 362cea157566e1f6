package org.kdplayground.engine.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kdplayground.engine.DistillationRun;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunListener;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.engine.TeacherCache;
import org.kdplayground.engine.TinyData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DJL frees the scalar of {@code mul(Number)} before backward reads it (djl-facts.md, pitfall 1): a collection forced
 * inside the loss would then change the numbers. The loss keeps its constants as arrays, so nothing changes.
 */
class HintonLossGcTest {

    @AfterEach
    void clearHook() {
        HintonLoss.hookInsideLoss = null;
    }

    private record Outcome(List<StepMetrics> studentSteps, Map<ModelRole, Double> testAccuracy) {
    }

    private static Outcome run(RunConfig config) {
        List<StepMetrics> steps = new ArrayList<>();
        RunResult result = new DistillationRun(config, new TeacherCache(1)).run(new RunListener() {
            @Override
            public void step(StepMetrics metrics) {
                if (metrics instanceof StepMetrics.StudentStep) {
                    steps.add(metrics);
                }
            }
        }, new RunControl());
        assertThat(result.completed()).isTrue();
        return new Outcome(steps, result.testAccuracy());
    }

    @Test
    void forcedGcInsideTheLossChangesNothing() {
        RunConfig config = TinyData.smallConfig(3).settings(s -> s.withTeacherEpochs(1).withStudentEpochs(2)).build();
        Outcome plain = run(config);
        HintonLoss.hookInsideLoss = System::gc;
        Outcome withGc = run(config);
        assertThat(withGc.studentSteps()).isNotEmpty().isEqualTo(plain.studentSteps());
        assertThat(withGc.testAccuracy()).isEqualTo(plain.testAccuracy());
    }
}
