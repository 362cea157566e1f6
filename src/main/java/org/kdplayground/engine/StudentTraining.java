package org.kdplayground.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.kdplayground.data.Splits;
import org.kdplayground.engine.loss.CrossEntropy;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.engine.loss.StudentLoss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * The students' phase: the distilled student and the baseline start from the same weights and step on the same
 * batches, one step of each in turn.
 *
 * <p>With transfer set LABELLED the students step over the labelled rows. With ALL they step over every training row,
 * labelled rows spread evenly over the batches; the distilled student's soft terms average over all rows of a batch and
 * its hard term over the labelled rows of that batch only; the baseline steps on those labelled rows (skipping a batch
 * with none), so both students see the same labels in the same order.
 */
final class StudentTraining {

    /** Test hook: receives the training rows of every student batch (a fresh array), on the worker thread. */
    static volatile Consumer<int[]> hookStudentBatch;

    private final RunContext run;
    private final StudentLoss loss;
    private final List<LossPart> parts;
    private double msPerEpoch;
    private double msPerStep;
    private long stepsTaken;
    private Map<LossPart, Double> lastParts = Map.of();

    StudentTraining(RunContext run, StudentLoss loss) {
        this.run = run;
        this.loss = loss;
        this.parts = run.settings.loss().parts();
    }

    /**
     * @param teacherTargets the loss's targets for every training row ({@link StudentLoss#teacherTargets}), or null to
     *                       run the frozen teacher on each batch
     */
    void train(TrainableNet teacher, float[] teacherTargets) {
        RunSettings settings = run.settings;
        // A seed of their own: students start the same whether the teacher was trained or reused.
        run.engine.setRandomSeed(RunContext.seedInt(settings.seed() * 31 + 17));
        TrainableNet distilled = run.newNet(ModelRole.DISTILLED, run.config.student());
        TrainableNet baseline = run.newNet(ModelRole.BASELINE, run.config.student());
        baseline.load(distilled.export());
        boolean all = settings.transferSet() == TransferSet.ALL;
        Random order = new Random(settings.seed() * 0x9E3779B97F4A7C15L + 2);
        int[] labelledOrder = run.rows.studentLabelled().clone();
        int[] unlabelledOrder = all ? run.rows.studentUnlabelled() : new int[0];
        double totalMs = 0;
        long totalSteps = 0;
        double baselineLoss = 0;
        for (int epoch = 1; epoch <= settings.studentEpochs(); epoch++) {
            loss.startEpoch(epoch);
            Splits.shuffle(labelledOrder, order);
            Splits.shuffle(unlabelledOrder, order);
            int[] rows = TrainingRows.interleave(labelledOrder, unlabelledOrder);
            double[] partSums = new double[parts.size()];
            double totalSum = 0;
            double baselineSum = 0;
            int steps = 0;
            int baselineSteps = 0;
            long epochStart = System.nanoTime();
            long heldBefore = run.heldNanos();
            for (int from = 0; from < rows.length; from += settings.batchSize()) {
                run.checkpoint();
                int to = Math.min(rows.length, from + settings.batchSize());
                Consumer<int[]> hook = hookStudentBatch;
                if (hook != null) {
                    hook.accept(Arrays.copyOfRange(rows, from, to));
                }
                Step step = step(teacher, teacherTargets, distilled, baseline, rows, from, to, epoch, steps + 1);
                if (step.baselineStepped()) {
                    baselineLoss = step.baselineLoss();
                    baselineSum += step.baselineLoss();
                    baselineSteps++;
                }
                steps++;
                Map<LossPart, Double> values = new EnumMap<>(LossPart.class);
                for (int i = 0; i < parts.size(); i++) {
                    partSums[i] += step.parts()[i];
                    values.put(parts.get(i), (double) step.parts()[i]);
                }
                totalSum += step.total();
                run.listener.step(new StepMetrics.StudentStep(epoch, steps, run.nextGlobalStep(), values, step.total(),
                        baselineLoss, to - from, step.labelledRows()));
            }
            double ms = (System.nanoTime() - epochStart - (run.heldNanos() - heldBefore)) / 1e6;
            totalMs += ms;
            totalSteps += steps;
            Map<LossPart, Double> means = new EnumMap<>(LossPart.class);
            for (int i = 0; i < parts.size(); i++) {
                means.put(parts.get(i), partSums[i] / steps);
            }
            lastParts = Collections.unmodifiableMap(means);
            run.finalLosses.put(ModelRole.DISTILLED, totalSum / steps);
            run.finalLosses.put(ModelRole.BASELINE, baselineSum / Math.max(1, baselineSteps));
            Map<ModelRole, Double> epochLosses = new EnumMap<>(ModelRole.class);
            epochLosses.put(ModelRole.TEACHER, run.finalLosses.get(ModelRole.TEACHER));
            epochLosses.put(ModelRole.DISTILLED, totalSum / steps);
            epochLosses.put(ModelRole.BASELINE, baselineSum / Math.max(1, baselineSteps));
            run.endEpoch(Phase.STUDENTS, epoch, ms, epochLosses);
        }
        msPerEpoch = totalMs / settings.studentEpochs();
        msPerStep = totalMs / Math.max(1, totalSteps);
        stepsTaken = totalSteps;
    }

    /** What one step measured: the distilled student's parts and total, the baseline's loss if it stepped. */
    private record Step(float[] parts, float total, boolean baselineStepped, float baselineLoss, int labelledRows) {
    }

    /** One step of both students on rows {@code from..to} of {@code rows}. */
    private Step step(TrainableNet teacher, float[] teacherTargets, TrainableNet distilled, TrainableNet baseline,
                      int[] rows, int from, int to, int epoch, int stepNumber) {
        int b = to - from;
        int labelledCount = 0;
        for (int i = from; i < to; i++) {
            labelledCount += run.rows.isLabelled(rows[i]) ? 1 : 0;
        }
        float[] values = new float[parts.size()];
        float total;
        float base = Float.NaN;
        try (NDManager step = run.manager.newSubManager()) {
            NDArray x = run.batches.rows(step, run.trainFeatures, rows, from, to);
            NDArray y = run.batches.oneHot(step, rows, from, to, run.rows.labelledMask());
            NDArray mask = null;
            NDArray xBase = x;
            NDArray yBase = y;
            if (labelledCount < b) {
                float[] m = new float[b];
                int[] labelledInBatch = new int[labelledCount];
                for (int i = from, j = 0; i < to; i++) {
                    if (run.rows.isLabelled(rows[i])) {
                        m[i - from] = 1f;
                        labelledInBatch[j++] = rows[i];
                    }
                }
                mask = run.batches.vector(step, m, b);
                if (labelledCount > 0) {
                    xBase = run.batches.rows(step, run.trainFeatures, labelledInBatch, 0, labelledCount);
                    yBase = run.batches.oneHot(step, labelledInBatch, 0, labelledCount, null);
                }
            }
            NDArray targets = teacherTargets != null
                    ? run.batches.rows(step, teacherTargets, run.classes, rows, from, to)
                    : loss.teacherTargets(teacher.forward(x, false)); // before grad mode: frozen
            NDList readList = new NDList(values.length + 2);
            try (GradientCollector collector = run.engine.newGradientCollector()) {
                StudentLoss.Value value = loss.compute(distilled.forward(x, true), targets, y, mask, labelledCount);
                readList.addAll(value.parts());
                readList.add(value.total());
                NDArray both = value.total();
                if (labelledCount > 0) {
                    NDArray ce = CrossEntropy.mean(baseline.forward(xBase, true), yBase);
                    readList.add(ce);
                    // one backward pass for both students: their graphs share nothing, and a sum passes its gradient
                    // (1) to each term unchanged, so each network gets exactly the gradients of its own loss
                    both = both.add(ce);
                }
                collector.backward(both);
            }
            float[] read = NDArrays.stack(readList).toFloatArray(); // one copy to Java for all the step's losses
            System.arraycopy(read, 0, values, 0, values.length);
            total = read[values.length];
            if (labelledCount > 0) {
                base = read[values.length + 1];
            }
            run.guard.requireFinite(total, "distilled student", epoch, stepNumber);
            for (int i = 0; i < values.length; i++) {
                if (parts.get(i) == LossPart.HARD) {
                    run.guard.requireSane(values[i], "distilled student", epoch, stepNumber);
                } else {
                    run.guard.requireFinite(values[i], "distilled student", epoch, stepNumber);
                }
            }
            if (labelledCount > 0) {
                run.guard.requireSane(base, "baseline student", epoch, stepNumber);
                TrainableNet.updateTogether(distilled, baseline);
            } else {
                distilled.update();
            }
        }
        return new Step(values, total, labelledCount > 0, base, labelledCount);
    }

    double msPerEpoch() {
        return msPerEpoch;
    }

    double msPerStep() {
        return msPerStep;
    }

    /** How many steps (of both students) the phase took; 0 before it ended. */
    long steps() {
        return stepsTaken;
    }

    /** The last epoch's mean of each part of the distilled student's loss; empty before one ended. */
    Map<LossPart, Double> lastParts() {
        return lastParts;
    }
}
