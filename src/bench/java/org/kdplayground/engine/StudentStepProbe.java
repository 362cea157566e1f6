package org.kdplayground.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.kdplayground.engine.loss.CrossEntropy;
import org.kdplayground.engine.loss.StudentLoss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * Not a test: {@code java -Dai.djl.offline=true -cp <test class path> org.kdplayground.engine.StudentStepProbe STEPS}
 * times the parts of the app's student step ({@link StudentTraining}) on data shaped as issue 20's Fashion-MNIST run:
 * 784 inputs, two 784-128-128-10 students, batch 128, one labelled row in 50, the teacher's targets given; one intra-op
 * thread; the first fifth of the steps left out as warm-up. Other shapes: {@code -Drows= -Dinputs= -Dhidden=16 -Dbatch=
 * -DlabelledEvery=} (the digits preset: {@code -Drows=1257 -Dinputs=64 -Dhidden=16 -Dbatch=64 -DlabelledEvery=1}). {@code src/bench/pytorch/student_step.py STEPS} times the
 * same parts in PyTorch.
 */
public final class StudentStepProbe {

    private static final String[] PARTS = {"batch arrays", "distilled forward + loss", "baseline forward + loss",
        "backward (both)", "loss values read", "Adam update (both)", "total"};

    private StudentStepProbe() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int n = Integer.getInteger("rows", 60_000);
        int inputs = Integer.getInteger("inputs", 784);
        int classes = 10;
        int batch = Integer.getInteger("batch", 128);
        int labelledEvery = Integer.getInteger("labelledEvery", 50);
        boolean eachRead = Boolean.getBoolean("eachRead");
        MlpSpec student = MlpSpec.of(Arrays.stream(System.getProperty("hidden", "128,128").split(","))
                .map(Integer::valueOf).toArray(Integer[]::new));
        Random random = new Random(1);
        float[][] x = new float[n][inputs];
        for (float[] row : x) {
            for (int j = 0; j < inputs; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> random.nextInt(classes));
        boolean[] labelled = new boolean[n];
        for (int i = 0; i < n; i += labelledEvery) {
            labelled[i] = true;
        }
        float[] targets = new float[n * classes];
        Arrays.fill(targets, 1f / classes);
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        if (Boolean.getBoolean("shuffle")) { // batches of rows from all over the data, as a run's shuffled epochs take
            org.kdplayground.data.Splits.shuffle(rows, new Random(2));
        }
        long[] nanos = new long[PARTS.length];
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1);
            StudentLoss loss = RunSettings.DEFAULTS.loss().create(manager, RunSettings.DEFAULTS);
            TrainableNet distilled = new TrainableNet(manager, student, inputs, classes, 1e-3f);
            TrainableNet baseline = new TrainableNet(manager, student, inputs, classes, 1e-3f);
            RowBatches batches = new RowBatches(classes, labels);
            for (int s = 0; s < steps; s++) {
                if (s == steps / 5) {
                    Arrays.fill(nanos, 0);
                }
                int from = s * batch % (n - batch);
                int to = from + batch;
                long t0 = System.nanoTime();
                try (NDManager step = manager.newSubManager()) {
                    float[] mask = new float[batch];
                    int[] labelledRows = new int[batch];
                    int count = 0;
                    for (int i = from; i < to; i++) {
                        if (labelled[i]) {
                            mask[i - from] = 1;
                            labelledRows[count++] = i;
                        }
                    }
                    NDArray xs = batches.rows(step, x, rows, from, to);
                    NDArray ys = batches.oneHot(step, rows, from, to, labelled);
                    NDArray masks = batches.vector(step, mask, batch);
                    NDArray xBase = batches.rows(step, x, labelledRows, 0, count);
                    NDArray yBase = batches.oneHot(step, labelledRows, 0, count, null);
                    NDArray soft = batches.rows(step, targets, classes, rows, from, to);
                    long t1 = System.nanoTime();
                    nanos[0] += t1 - t0;
                    NDList read = new NDList();
                    long readStart;
                    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        StudentLoss.Value value = loss.compute(distilled.forward(xs, true), soft, ys, masks, count);
                        long t2 = System.nanoTime();
                        nanos[1] += t2 - t1;
                        NDArray ce = CrossEntropy.mean(baseline.forward(xBase, true), yBase);
                        long t3 = System.nanoTime();
                        nanos[2] += t3 - t2;
                        collector.backward(value.total().add(ce)); // as StudentTraining: one pass for both
                        long t4 = System.nanoTime();
                        nanos[3] += t4 - t3;
                        read.addAll(value.parts());
                        read.add(value.total());
                        read.add(ce);
                        readStart = System.nanoTime();
                    }
                    if (eachRead) {
                        read.forEach(NDArray::getFloat); // one copy each, as the app did before 2026-12-07
                    } else {
                        NDArrays.stack(read).toFloatArray(); // as StudentTraining reads them: one copy for all
                    }
                    long t5 = System.nanoTime();
                    nanos[4] += t5 - readStart;
                    TrainableNet.updateTogether(distilled, baseline); // as StudentTraining: one kernel call
                    nanos[5] += System.nanoTime() - t5;
                }
                nanos[6] += System.nanoTime() - t0;
            }
            int counted = steps - steps / 5;
            for (int i = 0; i < PARTS.length; i++) {
                System.out.printf(Locale.ROOT, "%-28s %.3f ms%n", PARTS[i], nanos[i] / 1e6 / counted);
            }
        }
    }
}
