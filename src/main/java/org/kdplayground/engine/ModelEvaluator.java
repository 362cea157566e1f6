package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kdplayground.math.Predictions;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Asks a run's networks what they predict: accuracies at each epoch's end, logits for the omitted-class correction,
 * and the {@link ModelPredictor} a listener gets. Inputs it is asked about again (the test set, the labelled rows, a
 * heatmap's grid) are prepared once per run.
 */
final class ModelEvaluator {

    /** Test hook: runs at each {@link #evaluate} of the run's own (accuracies, test logits), on the worker thread. */
    static volatile Runnable hookEvaluation;

    /** Rows per forward when evaluating. */
    static final int EVALUATION_CHUNK = 1024;

    /**
     * Evaluation inputs up to this many floats (64 MB) are uploaded once per run and kept; larger sets (MNIST's
     * 60,000 training images) are uploaded chunk by chunk at each evaluation rather than held twice.
     */
    static final long KEPT_EVALUATION_FLOATS = 16L << 20;

    /** Which rows of which data an evaluation uses: arrays compare by identity, as records compare them. */
    private record EvaluationKey(float[][] data, int[] subset) {
    }

    private final NDManager manager;
    private final int inputs;
    private final int classes;
    private final RowBatches batches;
    private final Map<ModelRole, TrainableNet> nets;
    private final Thread worker = Thread.currentThread();
    private final Map<EvaluationKey, List<NDArray>> keptInputs = new HashMap<>();
    private final Runnable checkpoint;

    /**
     * Made on the worker thread; {@code nets} is read as it grows. {@code checkpoint} runs before each chunk of the
     * run's own evaluations (accuracies, the omitted-class logits), so a pause or Stop takes effect within a chunk's
     * forward (about 0.1 s for Fashion-MNIST's 1200-1200 teacher) rather than after all of a test set; it may throw to
     * end the run. A listener's {@link Predictor} is never interrupted.
     */
    ModelEvaluator(NDManager manager, int inputs, int classes, RowBatches batches, Map<ModelRole, TrainableNet> nets,
                   Runnable checkpoint) {
        this.checkpoint = checkpoint;
        this.manager = manager;
        this.inputs = inputs;
        this.classes = classes;
        this.batches = batches;
        this.nets = nets;
    }

    /** The share of {@code subset}'s rows (all rows for null) that {@code net} classifies as {@code labels} says. */
    double accuracy(TrainableNet net, float[][] data, int[] labels, int[] subset) {
        return evaluate(net, data, labels, subset, false).accuracy();
    }

    /**
     * What {@code net} says about some rows.
     *
     * @param accuracy the share of rows classified as their labels say (0 for no rows)
     * @param logits   the rows' logits, row after row; null unless asked for
     */
    record Evaluation(double accuracy, float[] logits) {
    }

    /**
     * Classifies {@code subset}'s rows (all rows for null), keeping their logits when asked: the predicted class is
     * the logits' arg max as torch's {@code argmax} picks it ({@link Predictions#argMax(float[], int, int)}), read
     * from one copy of the logits, so accuracy is the same whether or not the logits are kept.
     */
    Evaluation evaluate(TrainableNet net, float[][] data, int[] labels, int[] subset, boolean keepLogits) {
        Runnable hook = hookEvaluation;
        if (hook != null) {
            hook.run();
        }
        int n = subset == null ? labels.length : subset.length;
        if (n == 0) {
            return new Evaluation(0, keepLogits ? new float[0] : null);
        }
        int[] rows = subset;
        if (rows == null) {
            rows = new int[n];
            Arrays.setAll(rows, i -> i);
        }
        int[] evaluated = rows;
        List<NDArray> kept = (long) n * inputs <= KEPT_EVALUATION_FLOATS
                ? keptInputs.computeIfAbsent(new EvaluationKey(data, subset), k -> upload(data, evaluated))
                : null;
        float[] logits = keepLogits ? new float[n * classes] : null;
        int correct = 0;
        for (int from = 0, chunk = 0; from < n; from += EVALUATION_CHUNK, chunk++) {
            int to = Math.min(n, from + EVALUATION_CHUNK);
            checkpoint.run();
            try (NDManager sub = manager.newSubManager()) {
                NDArray x;
                if (kept != null) {
                    x = kept.get(chunk);
                    x.tempAttach(sub); // the forward's results go to sub; x goes back to the run when it closes
                } else {
                    x = batches.rows(sub, data, rows, from, to);
                }
                // one copy of the logits; the predictions are their arg max, found here as torch's argmax finds it
                float[] out = net.forward(x, false).toFloatArray();
                if (logits != null) {
                    System.arraycopy(out, 0, logits, from * classes, (to - from) * classes);
                }
                for (int i = from; i < to; i++) {
                    if (Predictions.argMax(out, i - from, classes) == labels[rows[i]]) {
                        correct++;
                    }
                }
            }
        }
        return new Evaluation(correct / (double) n, logits);
    }

    /** The rows, uploaded once into the run's manager in chunks of {@value #EVALUATION_CHUNK}. */
    private List<NDArray> upload(float[][] data, int[] rows) {
        List<NDArray> chunks = new ArrayList<>();
        for (int from = 0; from < rows.length; from += EVALUATION_CHUNK) {
            chunks.add(batches.rows(manager, data, rows, from, Math.min(rows.length, from + EVALUATION_CHUNK)));
        }
        return chunks;
    }

    /**
     * A network's logits for the first {@code rows} rows of {@code data}, {@code chunk} rows per forward, for the run's
     * own use: the checkpoint runs before each forward.
     */
    float[][] logits(TrainableNet net, float[][] data, int rows, int chunk) {
        return rowsOf(flatLogits(net, data, rows, chunk, true), rows);
    }

    private float[][] rowsOf(float[] values, int rows) {
        float[][] out = new float[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(values, i * classes, (i + 1) * classes);
        }
        return out;
    }

    /** The same logits in one array, row after row. */
    private float[] flatLogits(TrainableNet net, float[][] data, int rows, int chunk, boolean interruptible) {
        Runnable beforeChunk = interruptible ? checkpoint : () -> { };
        if (rows <= chunk) {
            beforeChunk.run();
            return forwardRows(net, data, 0, rows);
        }
        float[] out = new float[rows * classes];
        for (int from = 0; from < rows; from += chunk) {
            int to = Math.min(rows, from + chunk);
            beforeChunk.run();
            System.arraycopy(forwardRows(net, data, from, to), 0, out, from * classes, (to - from) * classes);
        }
        return out;
    }

    private float[] forwardRows(TrainableNet net, float[][] data, int from, int to) {
        try (NDManager sub = manager.newSubManager()) {
            return net.forward(batches.range(sub, data, from, to), false).toFloatArray();
        }
    }

    /** The class each row is predicted as ({@link Predictions#argMax(float[], int, int)}), without the logits. */
    int[] predictedClasses(TrainableNet net, float[][] data, int rows) {
        int[] out = new int[rows];
        for (int from = 0; from < rows; from += EVALUATION_CHUNK) {
            int to = Math.min(rows, from + EVALUATION_CHUNK);
            float[] logits = forwardRows(net, data, from, to);
            for (int i = from; i < to; i++) {
                out[i] = Predictions.argMax(logits, i - from, classes);
            }
        }
        return out;
    }

    /** A predictor for one listener callback; {@link Predictor#close()} it when the callback returns. */
    Predictor predictor() {
        return new Predictor();
    }

    /** Answers predictions during an epoch callback, on the worker thread. */
    final class Predictor implements ModelPredictor, AutoCloseable {
        private volatile boolean active = true;

        @Override
        public boolean has(ModelRole role) {
            return nets.containsKey(role);
        }

        @Override
        public float[][] logits(ModelRole role, float[][] inputRows) {
            return rowsOf(ModelEvaluator.this.flatLogits(net(role), inputRows, inputRows.length, 8192, false),
                    inputRows.length);
        }

        @Override
        public float[] flatLogits(ModelRole role, float[][] inputRows) {
            return ModelEvaluator.this.flatLogits(net(role), inputRows, inputRows.length, 8192, false);
        }

        @Override
        public int[] predictedClasses(ModelRole role, float[][] inputRows) {
            return ModelEvaluator.this.predictedClasses(net(role), inputRows, inputRows.length);
        }

        private TrainableNet net(ModelRole role) {
            if (!active || Thread.currentThread() != worker) {
                throw new IllegalStateException("a ModelPredictor works only inside its callback, on the worker thread");
            }
            TrainableNet net = nets.get(role);
            if (net == null) {
                throw new IllegalArgumentException(role + " is not trained yet");
            }
            return net;
        }

        @Override
        public void close() {
            active = false;
        }
    }
}
