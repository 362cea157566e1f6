package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.kdplayground.data.Splits;
import org.kdplayground.engine.loss.CrossEntropy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * The teacher's phase: cross-entropy on its rows (label-smoothed when the settings ask for it), epoch after epoch; or, for a teacher reused from
 * {@link TeacherCache}, the metrics it streamed when it trained, sent again so a rerun looks the same.
 */
final class TeacherTraining {

    private final RunContext run;
    private final List<StepMetrics> steps = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private double msPerEpoch;
    private double msPerStep;

    TeacherTraining(RunContext run) {
        this.run = run;
    }

    void train(TrainableNet teacher) {
        RunSettings settings = run.settings;
        Random order = new Random(settings.seed() * 0x9E3779B97F4A7C15L + 1);
        int[] shuffled = run.rows.teacherRows().clone();
        double totalMs = 0;
        long totalSteps = 0;
        for (int epoch = 1; epoch <= settings.teacherEpochs(); epoch++) {
            Splits.shuffle(shuffled, order);
            double lossSum = 0;
            int stepsDone = 0;
            long epochStart = System.nanoTime();
            long heldBefore = run.heldNanos();
            for (int from = 0; from < shuffled.length; from += settings.batchSize()) {
                run.checkpoint();
                int to = Math.min(shuffled.length, from + settings.batchSize());
                float value;
                try (NDManager step = run.manager.newSubManager()) {
                    NDArray x = run.batches.rows(step, run.trainFeatures, shuffled, from, to);
                    NDArray y = run.batches.smoothedOneHot(step, shuffled, from, to,
                            settings.teacherLabelSmoothing());
                    try (GradientCollector collector = run.engine.newGradientCollector()) {
                        NDArray ce = CrossEntropy.mean(teacher.forward(x, true), y);
                        collector.backward(ce);
                        value = ce.getFloat();
                    }
                    run.guard.requireSane(value, "teacher", epoch, stepsDone + 1);
                    teacher.update();
                }
                stepsDone++;
                lossSum += value;
                StepMetrics.TeacherStep metrics = new StepMetrics.TeacherStep(epoch, stepsDone, run.nextGlobalStep(),
                        value);
                steps.add(metrics);
                run.listener.step(metrics);
            }
            double ms = (System.nanoTime() - epochStart - (run.heldNanos() - heldBefore)) / 1e6;
            totalMs += ms;
            totalSteps += stepsDone;
            run.finalLosses.put(ModelRole.TEACHER, lossSum / stepsDone);
            epochs.add(run.endEpoch(Phase.TEACHER, epoch, ms, Map.of(ModelRole.TEACHER, lossSum / stepsDone)));
        }
        msPerEpoch = totalMs / settings.teacherEpochs();
        msPerStep = totalMs / Math.max(1, totalSteps);
    }

    /** Sends a cached teacher's metrics again; its last epoch is evaluated anew, so the predictor has it. */
    void replay(TeacherCache.Entry cached) {
        run.finalLosses.put(ModelRole.TEACHER, cached.finalLoss());
        int next = 0;
        for (EpochMetrics epoch : cached.epochs()) {
            while (next < cached.steps().size() && cached.steps().get(next).epoch() == epoch.epoch()) {
                run.listener.step(cached.steps().get(next++));
                run.nextGlobalStep();
            }
            if (epoch.epoch() < run.settings.teacherEpochs()) {
                run.listener.epochEnded(epoch, WITHOUT_NETWORKS);
            } else {
                run.endEpoch(Phase.TEACHER, epoch.epoch(), epoch.epochMillis(), epoch.meanLosses());
            }
        }
    }

    /** What the listener of a replayed epoch gets: the reused teacher has only its final weights. */
    private static final ModelPredictor WITHOUT_NETWORKS = new ModelPredictor() {
        @Override
        public boolean has(ModelRole role) {
            return false;
        }

        @Override
        public float[][] logits(ModelRole role, float[][] inputRows) {
            throw new IllegalArgumentException("a reused teacher has only its final weights");
        }
    };

    /** The trained teacher for {@link TeacherCache}: its weights, last loss and streamed metrics. */
    TeacherCache.Entry cacheEntry(TrainableNet teacher) {
        return new TeacherCache.Entry(teacher.export(), run.finalLosses.get(ModelRole.TEACHER), steps, epochs);
    }

    double msPerEpoch() {
        return msPerEpoch;
    }

    double msPerStep() {
        return msPerStep;
    }
}
