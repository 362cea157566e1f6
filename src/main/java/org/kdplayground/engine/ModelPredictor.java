package org.kdplayground.engine;

import org.kdplayground.math.Predictions;

/**
 * Asks the networks of a running run for their outputs, e.g. to draw a decision-boundary heatmap or a confusion
 * matrix between epochs. Valid only inside the listener callback that received it and only on the worker
 * thread (DJL's grad mode is per thread); copy what you need before returning.
 */
public interface ModelPredictor {

    /** Whether this network exists yet (the students appear in the student phase). */
    boolean has(ModelRole role);

    /**
     * Raw logits, one row per input row. The inputs are read, never changed, and must not change during the run: a
     * run asked the same array of rows again (the test set, each epoch) reuses what it made of them.
     */
    float[][] logits(ModelRole role, float[][] inputs);

    /**
     * The logits of every row in one array, row after row ({@code inputs.length} × classes): what {@link #logits}
     * gives, without an array per row (a heatmap asks about thousands of rows each epoch).
     */
    default float[] flatLogits(ModelRole role, float[][] inputs) {
        float[][] rows = logits(role, inputs);
        int classes = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * classes];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * classes, classes);
        }
        return out;
    }

    /**
     * The class each row is predicted as: the arg max of its logits as {@code torch.argmax} picks it
     * ({@link Predictions#argMax(float[], int, int)}: ties to the lowest class, the first NaN wins). Cheaper than the
     * logits when only the decision counts (a confusion matrix).
     */
    default int[] predictedClasses(ModelRole role, float[][] inputs) {
        float[][] logits = logits(role, inputs);
        int[] out = new int[logits.length];
        for (int r = 0; r < logits.length; r++) {
            out[r] = Predictions.argMax(logits[r], 0, logits[r].length);
        }
        return out;
    }
}
